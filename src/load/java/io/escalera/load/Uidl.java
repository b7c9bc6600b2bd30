package io.escalera.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Vaadin Flow 25's client-server protocol as a browser speaks it (recorded with Chromium's devtools, see
 * docs/benchmarks-load.md): a page load is the bootstrap HTML, then {@code ?v-r=init} (JSON with the UI id and the
 * CSRF token, {@code Vaadin-Security-Key}), then a {@code ui-navigate} event to node 1; every later step is one POST
 * to {@code ?v-r=uidl&v-uiId=N} with {@code csrfToken}, {@code rpc}, the last {@code syncId} the server sent and the
 * {@code clientId} it expects next, both read back from every answer. Node ids are never hard-coded: they are read
 * from the answers by the element's id attribute ({@link #nodeOf}), or by tag for dialogs.
 */
final class Uidl {

    /** Browser details the client sends with init (a 1400×860 desktop window, UTC). */
    private static final String BROWSER = "&v-sh=900&v-sw=1440&v-wh=857&v-ww=1400&v-bh=857&v-bw=1400&v-curdate=1796685542246"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-load&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
            + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=GRANTED&v-wla=SUPPORTED&v-ws=false";

    static final String CLICK_DATA = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,\"event.ctrlKey\":false,"
            + "\"event.clientX\":500,\"event.clientY\":300,\"event.altKey\":false,\"event.button\":0,\"event.screenY\":450,\"event.screenX\":510}";

    private Uidl() {
    }

    /** A full page load of {@code route} (no leading slash): bootstrap, init, navigation; leaves uiId/csrf/syncId/clientId in the session. */
    static ChainBuilder pageLoad(String name, String route, CheckBuilder... navigationChecks) {
        return exec(http(name + " (page)").get("/" + route).check(status().is(200), substring("indexhtml").exists()))
                .exec(http(name + " (init)").get("/?v-r=init&location=" + route + "&query=" + BROWSER)
                        .check(status().is(200),
                                regex("\"v-uiId\":(\\d+)").saveAs("uiId"),
                                regex("\"Vaadin-Security-Key\":\"([^\"]+)\"").saveAs("csrf")))
                .exec(session -> session.set("syncId", 0).set("clientId", 0).set("promise", 10))
                .exec(post(name, "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"/" + route
                        + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}", navigationChecks));
    }

    /** Navigation inside the open UI (a menu or a link): what the router sends without a page load. */
    static HttpRequestActionBuilder navigate(String name, String route, CheckBuilder... checks) {
        return post(name, "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":1},\"trigger\":\"\"}}", checks);
    }

    /** One UIDL round trip with the given RPC invocations (Gatling EL allowed); checks the answer is a normal one. */
    static HttpRequestActionBuilder post(String name, String rpc, CheckBuilder... checks) {
        CheckBuilder[] all = new CheckBuilder[checks.length + 6];
        all[0] = status().is(200);
        all[1] = regex("\"syncId\":(\\d+)").saveAs("syncId");
        all[2] = regex("\"clientId\":(\\d+)").saveAs("clientId");
        all[3] = substring("appError").notExists();
        all[4] = substring("sessionExpired").notExists();
        all[5] = substring("\"resynchronize\"").notExists();
        System.arraycopy(checks, 0, all, 6, checks.length);
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}")
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody("{\"csrfToken\":\"#{csrf}\",\"rpc\":[" + rpc + "],\"syncId\":#{syncId},\"clientId\":#{clientId}}"))
                .check(all);
    }

    /** Saves the node id of the element whose id attribute is {@code elementId}. */
    static CheckBuilder nodeOf(String elementId, String variable) {
        return regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"" + elementId + "\"\\}").saveAs(variable);
    }

    /** Like {@link #nodeOf} when the element may be absent (an action the user may not take now). */
    static CheckBuilder optionalNodeOf(String elementId, String variable) {
        return regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"" + elementId + "\"\\}").optional().saveAs(variable);
    }

    /** The node of the (first) dialog this answer creates, to tell the server when it is closed. */
    static CheckBuilder dialogNode(String variable) {
        return regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"vaadin-dialog\"\\}").saveAs(variable);
    }

    /** A save the server refused shows a field as invalid; a successful one never sets invalid=true. */
    static CheckBuilder noInvalidField() {
        return substring("\"key\":\"invalid\",\"feat\":1,\"value\":true").notExists();
    }

    static String click(String nodeVar) {
        return "{\"type\":\"event\",\"node\":#{" + nodeVar + "},\"event\":\"click\",\"data\":" + CLICK_DATA + "}";
    }

    /** Text typed into a field, then the change event a blur or Enter sends. */
    static String typeText(String nodeVar, String textEl) {
        return "{\"type\":\"mSync\",\"node\":#{" + nodeVar + "},\"feature\":1,\"property\":\"value\",\"value\":\"" + textEl + "\"},"
                + "{\"type\":\"event\",\"node\":#{" + nodeVar + "},\"event\":\"change\",\"data\":{}}";
    }

    /** Text typed into a field with a lazy (debounced) value change mode, as the customer search box has. */
    static String typeLazy(String nodeVar, String textEl) {
        return "{\"type\":\"mSync\",\"node\":#{" + nodeVar + "},\"feature\":1,\"property\":\"value\",\"value\":\"" + textEl + "\"},"
                + "{\"type\":\"event\",\"node\":#{" + nodeVar + "},\"event\":\"input\",\"data\":{\"1\":1,\"for\":\"trailing\"}}";
    }

    /** A Select's or a ComboBox's choice by the item key the server sent. */
    static String choose(String nodeVar, String keyEl) {
        return "{\"type\":\"mSync\",\"node\":#{" + nodeVar + "},\"feature\":1,\"property\":\"value\",\"value\":\"" + keyEl + "\"},"
                + "{\"type\":\"event\",\"node\":#{" + nodeVar + "},\"event\":\"value-changed\",\"data\":{}}";
    }

    /** Opening a ComboBox: the client asks for the first 50 items. */
    static String comboOpen(String nodeVar) {
        return "{\"type\":\"publishedEventHandler\",\"node\":#{" + nodeVar + "},\"templateEventMethodName\":\"setViewportRange\","
                + "\"templateEventMethodArgs\":[0,50,\"\"],\"promise\":1},"
                + "{\"type\":\"mSync\",\"node\":#{" + nodeVar + "},\"feature\":1,\"property\":\"opened\",\"value\":true}";
    }

    /** A grid row clicked, by the row key the server sent. */
    static String rowClick(String gridVar, String keyEl) {
        return "{\"type\":\"event\",\"node\":#{" + gridVar + "},\"event\":\"item-click\",\"data\":{\"event.detail.screenY\":0,"
                + "\"event.detail.metaKey\":false,\"event.detail.button\":0,\"event.detail.shiftKey\":false,\"event.detail.screenX\":0,"
                + "\"event.detail.itemKey\":\"" + keyEl + "\",\"event.detail.internalColumnId\":\"col1\",\"event.detail.altKey\":false,"
                + "\"event.detail.clientX\":0,\"event.detail.detail\":0,\"event.detail.clientY\":0,\"event.detail.ctrlKey\":false}}";
    }

    /** The grid's acknowledgement of a data update (the client sends it after rendering rows). */
    static String gridConfirm(String gridVar, String updateEl) {
        return "{\"type\":\"publishedEventHandler\",\"node\":#{" + gridVar + "},\"templateEventMethodName\":\"confirmUpdate\","
                + "\"templateEventMethodArgs\":[" + updateEl + "],\"promise\":2}";
    }

    static String dialogClosed(String dialogVar) {
        return "{\"type\":\"event\",\"node\":#{" + dialogVar + "},\"event\":\"closed\"}";
    }

    /** Switching tabs in a vaadin-tabs. */
    static String selectTab(String tabsVar, int index) {
        return "{\"type\":\"mSync\",\"node\":#{" + tabsVar + "},\"feature\":1,\"property\":\"selected\",\"value\":" + index + "},"
                + "{\"type\":\"event\",\"node\":#{" + tabsVar + "},\"event\":\"selected-changed\",\"data\":{}}";
    }

    /** The update id of a grid's data answer, for {@link #gridConfirm}. */
    static CheckBuilder gridUpdate(String variable) {
        return regex("\\{\"@v-node\":\\d+\\},(\\d+),\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"").optional().saveAs(variable);
    }
}
