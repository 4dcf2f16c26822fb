package org.skillway.local;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The odd values EndpointFuzzIT sends: path segments, query values, headers, JSON bodies and cohort
 * files. No generated text contains what the test looks for in answers (a Java class or package
 * name, a stack frame), so an answer that echoes the input cannot be mistaken for a leak.
 */
final class FuzzInputs {
  private FuzzInputs() {}

  /** What an answer must never show; the input never contains it. */
  static final Pattern INSIDES =
      Pattern.compile(
          "Exception|java\\.|javax\\.|jakarta\\.|org\\.springframework|tools\\.jackson|reactor\\."
              + "|io\\.netty|at org\\.|\\tat |\\$\\$Lambda|\\.java:\\d+");

  /** Stands for "no body at all" (jqwik values are better not null). */
  static final String NO_BODY = "\u0001no body";

  static boolean harmless(String text) {
    return !INSIDES.matcher(text).find() && !text.toLowerCase().contains("exception");
  }

  private static final List<String> NASTY =
      List.of(
          "💥",
          "*",
          "~",
          "{\"$gt\":\"\"}",
          "{$ne:1}",
          "$where",
          "..;",
          "..",
          ".",
          "%00",
          "\u0000",
          "%2e%2e%2f",
          "a/b",
          "\\",
          "%",
          "%zz",
          "' OR '1'='1",
          "<script>alert(1)</script>",
          "null",
          "undefined",
          "-1",
          "0",
          "99999999999999999999",
          "1e400",
          "NaN",
          " ",
          "\t",
          "\r\n",
          "\uFEFF",
          "\uD800",
          "😀".repeat(300),
          "A".repeat(5000),
          "ñ̃̃̃̃̃̃̃̃",
          "=HYPERLINK(\"http://evil.example\",\"click\")");

  private static final List<String> NUMBERISH =
      List.of(
          "-1",
          "0",
          "1",
          "-0",
          "1.5",
          "0x10",
          " 1",
          "1 ",
          "1e3",
          "",
          "abc",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775808",
          "99999999999999999999999999999999",
          "NaN",
          "Infinity");

  /** Text of any kind, up to very long. */
  static Arbitrary<String> nasty() {
    return Arbitraries.oneOf(
            Arbitraries.of(NASTY),
            Arbitraries.of(NASTY),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
            Arbitraries.strings().withCharRange('\u0080', '\u2FFF').ofMinLength(1).ofMaxLength(20),
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("-_.~")
                .ofMinLength(1)
                .ofMaxLength(3000))
        .filter(FuzzInputs::harmless);
  }

  /** A query parameter's value. */
  static Arbitrary<String> queryValue() {
    return Arbitraries.oneOf(
        Arbitraries.of(NUMBERISH),
        Arbitraries.of(NUMBERISH),
        Arbitraries.just("9".repeat(4000)),
        Arbitraries.strings().alpha().ofLength(4000),
        nasty());
  }

  static Arbitrary<String> queryName() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.of("page", "size", "limit", "q", "token")),
        net.jqwik.api.Tuple.of(1, nasty().map(s -> s.length() > 50 ? s.substring(0, 50) : s)));
  }

  static Arbitrary<String> contentType() {
    return Arbitraries.of(
        "application/json",
        "application/json;charset=UTF-8",
        "application/json; charset=latin1",
        "application/json; charset=utf-16",
        "application/json; charset=\"nonsense\"",
        "text/plain",
        "application/xml",
        "multipart/form-data",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "text/csv",
        "text/csv; charset=utf-8",
        "text/csv; charset=nonsense",
        "application/x-ndjson",
        "application/merge-patch+json",
        "application/problem+json",
        "garbage",
        "*/*",
        "application/*",
        ";;;",
        "");
  }

  static Arbitrary<String> accept() {
    return Arbitraries.of(
        "application/json",
        "application/problem+json",
        "text/html",
        "application/xml",
        "text/event-stream",
        "*/*",
        "garbage",
        "text/csv",
        "image/png",
        "application/json;q=0",
        "");
  }

  static Arbitrary<String> oddApiKey() {
    return Arbitraries.of(
        "",
        " ",
        "x",
        "sw_" + "Q".repeat(100),
        "k".repeat(5000),
        "demo-employer-key-northwest-digital ",
        "DEMO-EMPLOYER-KEY-NORTHWEST-DIGITAL",
        "' OR 1=1 --",
        "{\"$gt\":\"\"}",
        "%00");
  }

  /** An Authorization header no service should accept. */
  static Arbitrary<String> oddAuthorization(String realToken) {
    String tampered =
        realToken.substring(0, realToken.length() - 4)
            + (realToken.endsWith("AAAA") ? "BBBB" : "AAAA");
    return Arbitraries.of(
        "Bearer",
        "Bearer ",
        "Bearer x",
        "Bearer a.b.c",
        "Bearer " + "t".repeat(5000),
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
        "Bearer " + tampered,
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6Ik9QRVJBVE9SIn0.",
        "Bearer " + realToken + " extra",
        "Digest username=\"x\"");
  }

  // ---- JSON ----------------------------------------------------------------------------------

  private static final List<String> JSON_LEAVES =
      List.of(
          "0",
          "-0",
          "1e400",
          "-1e400",
          "123456789012345678901234567890",
          "1.0E-400",
          "2147483648",
          "-9223372036854775809",
          "0.5",
          "true",
          "false",
          "null",
          "\"\"",
          "\"💥\"",
          "{\"$gt\":\"\"}",
          "{\"$where\":\"sleep(1000)\"}",
          "[]",
          "{}",
          "[null]",
          "\"" + "x".repeat(10_000) + "\"",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"");

  /** A JSON value as text: scalars, odd numbers, operator objects, arrays and objects of them. */
  static Arbitrary<String> jsonValue() {
    Arbitrary<String> leaf =
        Arbitraries.oneOf(Arbitraries.of(JSON_LEAVES), nasty().map(FuzzInputs::quoted));
    Arbitrary<String> array =
        leaf.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object =
        Combinators.combine(nasty().map(FuzzInputs::quoted), leaf)
            .as((k, v) -> k + ":" + v)
            .list()
            .ofMaxSize(3)
            .map(fields -> "{" + String.join(",", fields) + "}");
    return Arbitraries.oneOf(leaf, leaf, array, object);
  }

  /** Arrays or objects nested 1 to 100 deep. */
  static Arbitrary<String> deeplyNested() {
    return Combinators.combine(Arbitraries.integers().between(1, 100), Arbitraries.of(true, false))
        .as(
            (depth, arrays) ->
                arrays
                    ? "[".repeat(depth) + "1" + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  private static final List<String> GARBAGE =
      List.of(
          "",
          "{",
          "}",
          "[",
          "null",
          "\u0000",
          "{\"a\":1,}",
          "{'a':1}",
          "{\"a\":NaN}",
          "{\"a\":1}{\"b\":2}",
          "not json at all",
          "<xml/>",
          "\uFEFF{}",
          "{\"a\":\"\\x\"}");

  /**
   * A body for an endpoint whose valid body is {@code base} (null if it takes none): the valid body
   * itself, or with one field replaced, removed or added, or something else entirely.
   */
  static Arbitrary<String> jsonBody(JsonMapper json, String base) {
    if (base == null) {
      return Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(6, Arbitraries.just(NO_BODY)),
          net.jqwik.api.Tuple.of(2, jsonValue()),
          net.jqwik.api.Tuple.of(1, Arbitraries.of(GARBAGE)),
          net.jqwik.api.Tuple.of(1, deeplyNested()));
    }
    List<String> fields = fieldPaths(json.readTree(base), "");
    Arbitrary<String> replaced =
        Combinators.combine(Arbitraries.of(fields), jsonValue())
            .as((field, value) -> replace(json, base, field, value));
    Arbitrary<String> removed = Arbitraries.of(fields).map(field -> remove(json, base, field));
    Arbitrary<String> added =
        Combinators.combine(
                Arbitraries.of("$gt", "$where", "__proto__", "constructor", "", "💥", "id", "_id"),
                jsonValue())
            .as((k, v) -> "{" + quoted(k) + ":" + v + "," + base.substring(1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(base)),
        net.jqwik.api.Tuple.of(5, replaced),
        net.jqwik.api.Tuple.of(1, removed),
        net.jqwik.api.Tuple.of(1, added),
        net.jqwik.api.Tuple.of(2, jsonValue()),
        net.jqwik.api.Tuple.of(1, deeplyNested()),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(GARBAGE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("[" + base + "]")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(base.substring(0, base.length() / 2))));
  }

  /** Dotted paths of every field of an object, nested ones included. */
  private static List<String> fieldPaths(JsonNode node, String prefix) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      for (var field : node.properties()) {
        String path = prefix + field.getKey();
        paths.add(path);
        paths.addAll(fieldPaths(field.getValue(), path + "."));
      }
    } else if (node.isArray() && !node.isEmpty()) {
      paths.addAll(fieldPaths(node.get(0), prefix + "0."));
    }
    return paths;
  }

  private static final String PLACEHOLDER = "__fuzz_placeholder__";

  private static String replace(JsonMapper json, String base, String path, String raw) {
    JsonNode root = json.readTree(base);
    String[] parts = path.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
    }
    ((ObjectNode) parent).put(parts[parts.length - 1], PLACEHOLDER);
    return json.writeValueAsString(root).replace("\"" + PLACEHOLDER + "\"", raw);
  }

  private static String remove(JsonMapper json, String base, String path) {
    JsonNode root = json.readTree(base);
    String[] parts = path.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
    }
    ((ObjectNode) parent).remove(parts[parts.length - 1]);
    return json.writeValueAsString(root);
  }

  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---- cohort files --------------------------------------------------------------------------

  private static final String HEADER =
      "studentRef,email,stage,outcode,skills,course,consentToMatch";

  private static final List<String> CELLS =
      List.of(
          "u1",
          "fuzz@students.example.ac.uk",
          "UNDERGRADUATE",
          "GRADUATE",
          "PR1",
          "Python:3;SQL:2",
          "Python:9",
          "BSc Computing",
          "true",
          "",
          "null",
          "=HYPERLINK(\"http://evil.example\",\"click\")",
          "=1+1",
          "+SUM(A1:A9)",
          "-2+3",
          "@cmd",
          "\u0000",
          "\"unbalanced",
          "\"\"",
          "\"a,b\"",
          "\uFEFF");

  private static Arbitrary<String> cell() {
    return Arbitraries.oneOf(Arbitraries.of(CELLS), Arbitraries.of(CELLS), nasty());
  }

  /** A CSV file: maybe a BOM, maybe the header, rows of any shape, any line ending. */
  static Arbitrary<String> csv() {
    Arbitrary<String> row =
        cell().list().ofMinSize(0).ofMaxSize(10).map(cells -> String.join(",", cells));
    Arbitrary<String> validRow =
        Arbitraries.strings()
            .alpha()
            .ofLength(8)
            .map(
                ref ->
                    ref
                        + ",fuzz-"
                        + ref
                        + "@students.example.ac.uk,UNDERGRADUATE,PR1,Python:3;SQL:2,BSc,true");
    return Combinators.combine(
            Arbitraries.of("", "\uFEFF"),
            Arbitraries.of(HEADER, HEADER, "", "studentRef", "a,b,c,d,e,f,g,h,i,j,k", "null"),
            Arbitraries.oneOf(row, row, validRow, Arbitraries.just("null")).list().ofMaxSize(8),
            Arbitraries.of("\n", "\r\n", "\r"))
        .as((bom, header, rows, eol) -> bom + header + eol + String.join(eol, rows));
  }

  /** An NDJSON file: objects, mutated rows, and lines that are not objects at all. */
  static Arbitrary<String> ndjson(JsonMapper json) {
    String valid =
        "{\"studentRef\":\"n1\",\"email\":\"fuzz-n1@students.example.ac.uk\",\"stage\":\"GRADUATE\","
            + "\"outcode\":\"PR1\",\"skills\":[{\"skillId\":\"Python\",\"level\":3}],\"consentToMatch\":true}";
    Arbitrary<String> line =
        Arbitraries.oneOf(
            jsonBody(json, valid), Arbitraries.of("null", "", "[]", "{}", "\u0000", "garbage"));
    return Combinators.combine(
            Arbitraries.of("", "\uFEFF"),
            line.list().ofMinSize(0).ofMaxSize(6),
            Arbitraries.of("\n", "\r\n"))
        .as((bom, lines, eol) -> bom + String.join(eol, lines));
  }
}
