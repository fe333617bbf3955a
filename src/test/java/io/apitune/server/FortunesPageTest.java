package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.apitune.db.Fortune;
import io.apitune.db.FortuneSchema;

class FortunesPageTest {
    private final FortunesPage page = new FortunesPage();

    @Test
    void addsTheRequestTimeFortuneSortsByMessageAndEscapes() {
        String html = page.render(List.of(new Fortune(2, "b <i>&</i> 'q' \"d\""),
                new Fortune(1, "a")));
        assertThat(html).isEqualTo("<!DOCTYPE html><html><head><title>Fortunes</title></head>"
                + "<body><table><tr><th>id</th><th>message</th></tr>"
                + "<tr><td>0</td><td>Additional fortune added at request time.</td></tr>"
                + "<tr><td>1</td><td>a</td></tr>"
                + "<tr><td>2</td><td>b &lt;i&gt;&amp;&lt;/i&gt; &#39;q&#39; &quot;d&quot;</td></tr>"
                + "</table></body></html>\n");
    }

    @Test
    void theScriptFortuneComesOutInertAndUnicodeIntact() {
        String html = page.render(FortuneSchema.ROWS);
        assertThat(html).doesNotContain("<script>").contains("<td>11</td><td>&lt;script&gt;")
                .contains("\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af");
        assertThat(html.indexOf("<td>11</td>")).isLessThan(html.indexOf("<td>4</td>"));
        assertThat(html.indexOf("<td>1</td>")).isLessThan(html.indexOf("<td>12</td>"));
    }
}
