package io.hyperscalelab.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes users.csv: one row per user in ascending user_id, with the API URLs GitHub Archive's
 * actor objects carried. gravatar_id is GitHub's empty string (written {@code ""}), not NULL.
 */
final class UserRows {

    private final long seed;

    UserRows(long seed) {
        this.seed = seed;
    }

    void writeTo(DatasetSize size, OutputStream out) throws IOException {
        UserDirectory users = new UserDirectory(seed, size.users());
        CsvWriter csv = new CsvWriter(out);
        StringBuilder url = new StringBuilder(64);
        for (int index = 0; index < users.count(); index++) {
            long id = users.id(index);
            String login = users.login(index);
            csv.number(id);
            url.setLength(0);
            csv.text(url.append("https://api.github.com/users/").append(login));
            csv.text(login);
            url.setLength(0);
            csv.text(url.append("https://avatars.githubusercontent.com/u/").append(id).append('?'));
            csv.text("");
            csv.text(login);
            csv.endRow();
        }
        csv.flush();
    }
}
