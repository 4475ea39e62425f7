package nl.orgcoach.engagement;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.orgcoach.access.ClientId;
import nl.orgcoach.platform.CsvSafety;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One trail, four shapes: the JSON of the API, the timeline of the page, the ECharts option of the
 * graph and the CSV export. All four are built from the same {@link TrailService.View}, so they
 * show the same nodes (and so, never the notes: the view holds none).
 */
@Component
class TrailPresenter {

  private final MessageSource messages;

  TrailPresenter(MessageSource messages) {
    this.messages = messages;
  }

  /** A node as the API returns it. */
  record JsonNode(
      UUID id, Trail.Kind kind, String label, LocalDate date, String status, String url) {}

  record JsonEdge(UUID from, UUID to, Trail.EdgeKind kind) {}

  /** The API's answer: nodes and edges, the period it covers and whether it was cut at the cap. */
  record Json(
      List<JsonNode> nodes,
      List<JsonEdge> edges,
      LocalDate from,
      LocalDate to,
      boolean whole,
      boolean truncated,
      int limit) {}

  /** A node of the timeline with its link and the nodes it came from (the trail's edges). */
  record Item(Trail.Node node, String label, String status, String url, List<Link> from) {}

  record Link(UUID id, Trail.Kind kind, String label, Trail.EdgeKind edge) {}

  /** A week or a month of the timeline. */
  record Group(LocalDate start, String title, List<Item> items) {}

  Json json(ClientId client, TrailService.View v, Locale locale) {
    List<JsonNode> nodes =
        v.result().nodes().stream()
            .map(
                n ->
                    new JsonNode(
                        n.id(),
                        n.kind(),
                        label(n, locale),
                        n.date(),
                        n.status(),
                        url(client, v.engagementId(), n)))
            .toList();
    List<JsonEdge> edges =
        v.result().edges().stream().map(e -> new JsonEdge(e.from(), e.to(), e.kind())).toList();
    return new Json(
        nodes, edges, v.from(), v.to(), v.whole(), v.result().truncated(), Trail.MAX_NODES);
  }

  String label(Trail.Node n, Locale locale) {
    return n.kind() == Trail.Kind.INTERVENTION
        ? messages.getMessage("intervention.type." + n.label(), null, n.label(), locale)
        : n.label();
  }

  /**
   * Where a node's detail is: an intervention's page, a question's page, an agreement's
   * intervention.
   */
  static String url(ClientId client, UUID engagementId, Trail.Node n) {
    String base = "/c/" + client + "/engagements/" + engagementId;
    return switch (n.kind()) {
      case QUESTION -> base + "/questions/" + n.id();
      case INTERVENTION -> base + "/interventions/" + n.id();
      case AGREEMENT -> base + "/interventions/" + n.interventionId() + "#agreement-" + n.id();
    };
  }

  /** Weeks for a period of up to about a quarter, months beyond. */
  static boolean byWeek(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) <= 100;
  }

  List<Group> timeline(ClientId client, TrailService.View v, Locale locale) {
    Map<UUID, Trail.Node> byId = new HashMap<>();
    v.result().nodes().forEach(n -> byId.put(n.id(), n));
    Map<UUID, List<Link>> incoming = new HashMap<>();
    for (Trail.Edge e : v.result().edges()) {
      Trail.Node from = byId.get(e.from());
      incoming
          .computeIfAbsent(e.to(), k -> new ArrayList<>())
          .add(new Link(from.id(), from.kind(), label(from, locale), e.kind()));
    }
    boolean week = byWeek(v.from(), v.to());
    Map<LocalDate, List<Item>> groups = new LinkedHashMap<>();
    for (Trail.Node n : v.result().nodes()) {
      LocalDate start =
          week
              ? n.date().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
              : n.date().withDayOfMonth(1);
      groups
          .computeIfAbsent(start, k -> new ArrayList<>())
          .add(
              new Item(
                  n,
                  label(n, locale),
                  status(n, locale),
                  url(client, v.engagementId(), n),
                  incoming.getOrDefault(n.id(), List.of())));
    }
    List<Group> result = new ArrayList<>();
    groups.forEach(
        (start, items) ->
            result.add(
                new Group(
                    start,
                    week
                        ? messages.getMessage(
                            "trail.week",
                            new Object[] {start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), start},
                            locale)
                        : start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, locale)
                            + " "
                            + start.getYear(),
                    items)));
    return result;
  }

  /**
   * The graph as an ECharts option, laid out in time: x is the date, each kind has its lane
   * (questions above, interventions in the middle, agreements below), nodes of one day and lane
   * stack. Colour by kind and status; a click opens the node's detail (orgcoach.js follows {@code
   * href}).
   */
  Map<String, Object> graph(ClientId client, TrailService.View v, Locale locale) {
    long days = Math.max(1, ChronoUnit.DAYS.between(v.from(), v.to()));
    double width = Math.max(1000, Math.min(6000, v.result().nodes().size() * 12.0));
    Map<String, Integer> stacked = new HashMap<>();
    List<Map<String, Object>> data = new ArrayList<>();
    for (Trail.Node n : v.result().nodes()) {
      int lane = n.kind().ordinal();
      int height = stacked.merge(n.date() + "/" + lane, 1, Integer::sum) - 1;
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("id", n.id().toString());
      node.put("name", shorten(label(n, locale)));
      node.put("category", lane);
      node.put("x", width * ChronoUnit.DAYS.between(v.from(), n.date()) / days);
      node.put("y", lane * 400 + (height % 20) * 18);
      node.put("symbol", SYMBOLS[lane]);
      node.put("symbolSize", n.kind() == Trail.Kind.INTERVENTION ? 16 : 12);
      node.put("itemStyle", Map.of("color", colour(n)));
      node.put("href", url(client, v.engagementId(), n));
      node.put(
          "value",
          messages.getMessage("trail.kind." + n.kind(), null, locale)
              + " · "
              + n.date()
              + " · "
              + status(n, locale));
      data.add(node);
    }
    List<Map<String, Object>> links = new ArrayList<>();
    for (Trail.Edge e : v.result().edges()) {
      links.add(
          Map.of(
              "source",
              e.from().toString(),
              "target",
              e.to().toString(),
              "lineStyle",
              Map.of("opacity", 0.5, "curveness", 0.15)));
    }
    List<Map<String, Object>> categories = new ArrayList<>();
    for (Trail.Kind k : Trail.Kind.values()) {
      categories.add(
          Map.of(
              "name",
              messages.getMessage("trail.kind." + k, null, locale),
              "symbol",
              SYMBOLS[k.ordinal()],
              "itemStyle",
              Map.of("color", BASE[k.ordinal()])));
    }
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("type", "graph");
    series.put("layout", "none");
    series.put("roam", true);
    series.put("data", data);
    series.put("links", links);
    series.put("categories", categories);
    series.put("edgeSymbol", List.of("none", "arrow"));
    series.put("edgeSymbolSize", 6);
    series.put("label", Map.of("show", data.size() <= 60, "position", "right", "fontSize", 10));
    series.put("emphasis", Map.of("focus", "adjacency", "label", Map.of("show", true)));
    return Map.of(
        "tooltip",
        Map.of("formatter", "{b}<br>{c}"),
        "legend",
        Map.of("data", categories.stream().map(c -> c.get("name")).toList()),
        "series",
        List.of(series));
  }

  private static final String[] SYMBOLS = {"circle", "rect", "diamond"};
  private static final String[] BASE = {"#1f77b4", "#1f4e5f", "#2ca02c"};

  /** Shades by status: open work is saturated, closed work grey, dropped or withdrawn red. */
  static String colour(Trail.Node n) {
    return switch (n.kind()) {
      case QUESTION ->
          switch (n.status()) {
            case "OPEN" -> "#1f77b4";
            case "TAKEN_UP" -> "#6baed6";
            case "ANSWERED" -> "#9e9e9e";
            case "WITHDRAWN", "MERGED" -> "#d62728";
            default -> "#ff9800";
          };
      case INTERVENTION -> "PLANNED".equals(n.status()) ? "#8fb8c6" : "#1f4e5f";
      case AGREEMENT ->
          switch (n.status()) {
            case "OPEN" -> "#2ca02c";
            case "KEPT" -> "#9e9e9e";
            case "DROPPED" -> "#d62728";
            default -> "#bcbd22";
          };
    };
  }

  String status(Trail.Node n, Locale locale) {
    String key =
        switch (n.kind()) {
          case QUESTION -> "question.status." + n.status();
          case INTERVENTION -> "trail.status." + n.status();
          case AGREEMENT -> "agreement.status." + n.status();
        };
    return messages.getMessage(key, null, n.status(), locale);
  }

  private static String shorten(String s) {
    return s == null || s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }

  /**
   * The CSV export: one row per node, the ids it came from in the last column. Every cell goes
   * through {@link CsvSafety#neutralise}: question texts and agreements are typed by people, and a
   * text starting with {@code =} must stay text when the file is opened in a spreadsheet.
   */
  String csv(ClientId client, TrailService.View v, Locale locale) {
    Map<UUID, List<String>> incoming = new HashMap<>();
    for (Trail.Edge e : v.result().edges()) {
      incoming.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from().toString());
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      row(csv, "kind", "id", "date", "time", "label", "status", "owner", "due", "from", "url");
      for (Trail.Node n : v.result().nodes()) {
        row(
            csv,
            n.kind().name(),
            n.id().toString(),
            n.date().toString(),
            n.time() == null ? "" : n.time().toString(),
            label(n, locale),
            status(n, locale),
            n.owner() == null ? "" : n.owner(),
            n.due() == null ? "" : n.due().toString(),
            String.join(" ", incoming.getOrDefault(n.id(), List.of())),
            url(client, v.engagementId(), n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void row(CSVPrinter csv, String... cells) throws IOException {
    for (String cell : cells) {
      csv.print(CsvSafety.neutralise(cell));
    }
    csv.println();
  }
}
