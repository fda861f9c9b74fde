package io.hyperscalelab.shell;

/** What {@code help} says. */
final class CloudShellHelp {

    static final String TEXT = """
            Hyperscale Lab Cloud Shell: a small bash-like shell for the lab, with these commands:

              curl [-s] [-S] [-L] [-O | -o FILE] URL   download (https://ifconfig.co, the lab's data files)
              psql "CONNECTION STRING"                 connect to your server group's coordinator
              ls [-l] [FILE...]                        list the files in your home directory
              cat FILE, head [-n N] FILE               show a file
              rm [-f] FILE...                          remove files
              echo, pwd, whoami, clear, help, exit

            Your files stay in your home directory. The Azure CLI (az), pipes and redirections are
            not available here.
            """;

    /** What {@code az} says: Azure's greeting names it, but the lab needs only the portal, curl and psql. */
    static final String AZURE_CLI = """
            az: the Azure CLI is not part of this lab. Create and change your server group in the portal;
            here, use curl and psql ("help" lists the commands).
            """;

    private CloudShellHelp() {
    }
}
