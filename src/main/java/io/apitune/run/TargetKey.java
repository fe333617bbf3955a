package io.apitune.run;

import io.apitune.server.Mode;

/** The settings that choose what a run drives, with their scenario key, flag and help. */
public enum TargetKey implements SettingKey {
    MODE("mode", "--mode", "MODE", "Reference-server mode to drive: " + Mode.names() + ". Alone it "
            + "starts the server in-process on a free port."),
    URL("url", "--url", "URL", "Any http:// or https:// URL; {key} is replaced by keys from --keys/--key-dist."),
    SERVER_URL("server-url", "--server", "URL", "Base URL of a running 'apitune serve' "
            + "(e.g. http://host:8080); drives --mode's endpoint there instead of starting a server."),
    QUERIES("queries", "--queries", "N", "DB modes: drive /queries?queries=N (1..500; cached-db: "
            + "/queries?count=N) instead of /db.");

    private final Spec spec;

    TargetKey(String key, String flag, String label, String help) {
        this.spec = Spec.of(key, label, help, flag);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
