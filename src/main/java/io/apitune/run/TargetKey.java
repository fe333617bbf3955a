package io.apitune.run;

/** The settings that choose what a run drives, with their scenario key and flag. */
public enum TargetKey {
    MODE("mode", "--mode"),
    URL("url", "--url"),
    SERVER_URL("server-url", "--server"),
    QUERIES("queries", "--queries");

    private final String key;
    private final String flag;

    TargetKey(String key, String flag) {
        this.key = key;
        this.flag = flag;
    }

    public String key() {
        return key;
    }

    public String flag() {
        return flag;
    }
}
