package io.hyperscalelab.data;

import java.util.List;

/**
 * The vocabulary the synthetic names and texts are made of. Chosen to look like 2016 GitHub
 * (people's names, pinyin, word handles, repository topics) while belonging to nobody: logins are
 * combinations, never a copy of a real account.
 */
final class Words {

    static final List<String> FIRST_NAMES = List.of(
            "aaron", "abby", "adam", "adrian", "ahmed", "aisha", "alan", "albert", "alex", "alice",
            "amanda", "amir", "ana", "andre", "andrew", "anna", "anton", "arjun", "arthur", "ben",
            "bianca", "boris", "brandon", "bruno", "carla", "carlos", "caroline", "chris", "claire", "colin",
            "daniel", "dara", "david", "diego", "dmitri", "elena", "elias", "emily", "emma", "eric",
            "erik", "esther", "ethan", "fabio", "farid", "felix", "fiona", "florian", "frank", "gabriel",
            "george", "gina", "greg", "hana", "hannah", "hector", "helen", "henrik", "hugo", "ian",
            "igor", "ilya", "isabel", "ivan", "jack", "jakob", "james", "jana", "jason", "javier",
            "jenny", "joel", "johan", "jonas", "jorge", "joshua", "julia", "julien", "kamal", "karen",
            "karim", "kevin", "kira", "lars", "laura", "leon", "lina", "lucas", "luis", "maria",
            "mark", "marta", "martin", "mateo", "max", "maya", "mehmet", "michael", "miguel", "mira",
            "mohamed", "nadia", "nathan", "nick", "nina", "noah", "olga", "oliver", "omar", "oscar",
            "pablo", "paolo", "patrick", "paul", "pedro", "peter", "priya", "rafael", "rahul", "raj",
            "ravi", "rebecca", "robert", "ruben", "ryan", "sam", "sara", "sasha", "sean", "sergei",
            "simon", "sofia", "stefan", "steve", "susan", "tariq", "thomas", "tim", "tobias", "tom",
            "ulrich", "victor", "vikram", "vera", "walter", "yara", "yusuf", "zoe");

    static final List<String> LAST_NAMES = List.of(
            "abbott", "adler", "hidalgo", "aguilar", "ahmadi", "alvarez", "anderson", "arora", "bailey", "baker",
            "barros", "bauer", "becker", "bell", "berg", "bianchi", "blanco", "brandt", "brooks", "brown",
            "bruno", "burke", "campbell", "carter", "castro", "choudhury", "clark", "collins", "costa", "cruz",
            "dalton", "davies", "diaz", "dubois", "duarte", "dunn", "edwards", "ellis", "engel", "evans",
            "farah", "ferreira", "fischer", "fleming", "flores", "fontaine", "foster", "franco", "fuchs", "garcia",
            "gomez", "gonzalez", "graham", "grant", "gray", "gupta", "haas", "hall", "hansen", "harris",
            "hartmann", "hayes", "hoffmann", "horvat", "hughes", "husain", "ivanov", "jansen", "jensen", "johnson",
            "jones", "kapoor", "kaya", "keller", "kelly", "khan", "kim", "klein", "koch", "kovacs",
            "kowalski", "kraus", "kumar", "lambert", "lang", "larsen", "laurent", "lee", "lehmann", "lopez",
            "lorenz", "mahmoud", "marino", "martens", "martin", "meier", "mendes", "meyer", "miller", "mitchell",
            "molina", "moreau", "moreno", "morris", "muller", "murphy", "nagy", "nakamura", "navarro", "nielsen",
            "novak", "nunez", "obrien", "okafor", "olsen", "ortiz", "osman", "otto", "owens", "park",
            "parker", "patel", "perez", "peters", "petrov", "pham", "popescu", "quinn", "ramos", "reed",
            "reyes", "richter", "rivera", "roberts", "romero", "rossi", "russo", "saito", "santos", "sato",
            "schmidt", "schneider", "schulz", "sharma", "silva", "singh", "smirnov", "sousa", "stone", "suzuki",
            "tanaka", "taylor", "thompson", "torres", "turner", "vargas", "vasquez", "vogel", "wagner", "walker",
            "ward", "watson", "weber", "white", "wilson", "wolf", "wright", "yamamoto", "yilmaz", "young",
            "zimmermann");

    /** Pinyin surnames; all start with a consonant so that pinyin logins split only one way. */
    static final List<String> PINYIN_SURNAMES = List.of(
            "bai", "cai", "cao", "chen", "cheng", "cui", "deng", "ding", "dong", "du",
            "fan", "fang", "feng", "gao", "gong", "guo", "han", "he", "hu", "huang",
            "jiang", "jin", "kong", "lei", "li", "liang", "lin", "liu", "lu", "luo",
            "ma", "meng", "pan", "peng", "qian", "qin", "shen", "song", "su", "sun",
            "tang", "tian", "wang", "wei", "wu", "xia", "xie", "xu", "yang", "ye",
            "yu", "yuan", "zeng", "zhang", "zhao", "zheng", "zhou", "zhu");

    /** Pinyin given-name syllables; consonant-initial, for the same reason. */
    static final List<String> PINYIN_SYLLABLES = List.of(
            "bin", "bo", "chao", "chen", "cheng", "chun", "dan", "de", "dong", "fei",
            "feng", "fu", "gang", "guang", "hai", "hao", "hong", "hua", "hui", "jia",
            "jian", "jie", "jin", "jing", "jun", "kai", "kun", "lan", "lei", "li",
            "liang", "lin", "ling", "long", "mei", "min", "ming", "na", "nan", "ning",
            "peng", "ping", "qi", "qiang", "qing", "rong", "rui", "shan", "sheng", "shu",
            "song", "tao", "ting", "wei", "wen", "xia", "xiang", "xiao", "xin", "xing",
            "xu", "xuan", "ya", "yan", "yang", "yi", "ying", "yong", "yu", "yue",
            "yun", "zhe", "zhen", "zheng", "zhi", "zhong", "zi");

    static final List<String> ADJECTIVES = List.of(
            "agile", "amber", "ancient", "arctic", "atomic", "bold", "brave", "bright", "broken", "calm",
            "clever", "cobalt", "cosmic", "crimson", "crystal", "curious", "cyber", "dark", "deep", "digital",
            "dusty", "eager", "electric", "empty", "fast", "fierce", "free", "frozen", "fuzzy", "gentle",
            "giant", "golden", "green", "happy", "hidden", "hollow", "humble", "icy", "iron", "jolly",
            "lazy", "little", "lonely", "lucky", "lunar", "magic", "mellow", "mighty", "misty", "modern",
            "neon", "nimble", "noble", "odd", "old", "open", "pixel", "plain", "proud", "quick",
            "quiet", "rapid", "red", "rusty", "silent", "silver", "simple", "sleepy", "smart", "solar",
            "sonic", "steady", "stormy", "sunny", "swift", "tiny", "urban", "velvet", "wild", "wise");

    static final List<String> NOUNS = List.of(
            "anchor", "ant", "arrow", "badger", "bear", "bee", "bird", "bit", "blade", "bolt",
            "byte", "cactus", "cat", "cloud", "coder", "comet", "crow", "cube", "dev", "dog",
            "dragon", "dream", "eagle", "echo", "falcon", "fern", "fire", "fish", "flame", "fox",
            "frog", "galaxy", "ghost", "hacker", "hawk", "heart", "horse", "island", "jet", "koala",
            "lab", "leaf", "lemon", "lion", "llama", "logic", "loop", "maker", "mango", "maple",
            "moon", "mouse", "ninja", "node", "oak", "ocean", "orbit", "otter", "owl", "panda",
            "parrot", "pepper", "pilot", "pine", "pixel", "planet", "puma", "quark", "rabbit", "raven",
            "river", "robot", "rocket", "rover", "sailor", "shadow", "shark", "sky", "snake", "spark",
            "spider", "star", "stone", "storm", "sun", "tech", "tiger", "tree", "turtle", "valley",
            "viper", "wave", "whale", "wind", "wizard", "wolf", "works", "yeti", "zebra", "zen");

    static final List<String> REPO_TOPICS = List.of(
            "android", "angular", "ansible", "arduino", "aws", "bash", "chrome", "django", "docker", "dotnet",
            "electron", "ember", "express", "flask", "go", "golang", "gradle", "haskell", "ios", "java",
            "jekyll", "jquery", "js", "kotlin", "laravel", "linux", "lua", "node", "opencv", "php",
            "python", "rails", "react", "redux", "ruby", "rust", "scala", "spring", "swift", "tensorflow",
            "unity", "vim", "vue", "webpack", "wordpress");

    static final List<String> REPO_THINGS = List.of(
            "api", "app", "blog", "boilerplate", "bot", "cli", "client", "config", "crawler", "dashboard",
            "demo", "docs", "examples", "exercises", "game", "playground", "plugin", "project", "sample", "scraper",
            "server", "starter", "template", "test", "tools", "tutorial", "utils", "workshop");

    static final List<String> STANDALONE_REPOS = List.of(
            "Algorithms", "Blog", "Calculator", "ChatApp", "Data-Structures", "Image-Batch-Downloader", "MyFirstApp",
            "Portfolio", "Snake-Game", "TodoList", "Weather-App", "advent-of-code", "algorithms", "awesome-list",
            "blog", "coursework", "cv", "dotfiles", "hello-world", "homework", "interview-prep", "leetcode",
            "machine-learning", "notes", "personal-website", "resume", "scripts", "sandbox", "test", "website");

    static final List<String> BRANCHES = List.of(
            "develop", "dev", "gh-pages", "staging", "feature/login", "feature/search", "feature/api-v2",
            "fix/typo", "fix/build", "hotfix", "patch-1", "patch-2", "release/1.2", "refactor", "docs", "test",
            "update-deps", "wip", "experimental", "new-ui");

    static final List<String> COMMIT_MESSAGES = List.of(
            "Initial commit", "Update README.md", "Fix typo", "Add files via upload", "Update index.html",
            "Fix build", "Bump version to 1.0.3", "Refactor event loop", "Add unit tests for parser",
            "Update dependencies", "Remove unused imports", "WIP", "Merge branch 'develop'",
            "Merge pull request #42 from feature/login\n\nAdd login page",
            "Fix \"undefined\" error on empty input", "Add .gitignore", "first commit", "update",
            "Improve error handling in the HTTP client\n\nRetries now back off exponentially.",
            "Add Dockerfile", "Clean up CSS", "Translate docs, fix links", "Use 'const' instead of 'var'",
            "Fix crash when config file is missing", "Add CI config", "Rename variables for clarity",
            "\u4fee\u590d\u767b\u5f55\u9875\u9762\u7684\u6837\u5f0f\u95ee\u9898", "A\u00f1adir pruebas unitarias",
            "Ajout de la documentation", "\u0418\u0441\u043f\u0440\u0430\u0432\u043b\u0435\u043d\u0430 \u043e\u0448\u0438\u0431\u043a\u0430",
            "Auto-generated build output [ci skip]", "Update LICENSE");

    static final List<String> ISSUE_TITLES = List.of(
            "Crash on startup", "Typo in README", "Add support for Python 3", "Build fails on Windows",
            "Memory leak when reloading config", "Feature request: dark mode", "Documentation is out of date",
            "Tests fail with \"connection refused\"", "Cannot install via npm", "Slow response on large files",
            "Question: how to configure the proxy?", "Update dependencies", "Broken link in docs",
            "Error: cannot read property 'length' of undefined", "Support for Docker",
            "Add license file", "Login button does not work", "Improve performance of search");

    static final List<String> COMMENT_BODIES = List.of(
            "Thanks!", "LGTM", "+1", "I can reproduce this on macOS too.", "Fixed in #128.",
            "Could you add a test for this?", "Closing as duplicate.",
            "Steps to reproduce:\n1. Open the app\n2. Click \"Save\"\n3. See the error",
            "Any update on this?", "Merged, thanks for the contribution!", "This should be fixed in the latest release.",
            "Can you share your config file?", "Nice catch, thanks.", "I think we should use a map here.");


    private Words() {
    }
}
