package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.orgcoach.access.ClientId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The trail's shapes without a database: CSV safety, grouping, links and the graph's layout. */
class TrailPresenterTest {

  static final ClientId CLIENT = new ClientId(UUID.randomUUID());
  static final UUID ENGAGEMENT = UUID.randomUUID();
  static final List<String> HOSTILE =
      List.of("=1+2", "+31 6", "-2-3", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"x\",\"y\")");

  final TrailPresenter presenter = new TrailPresenter(messages());

  static StaticMessageSource messages() {
    StaticMessageSource m = new StaticMessageSource();
    m.setUseCodeAsDefaultMessage(true);
    return m;
  }

  static Trail.Node question(String text, String owner, LocalDate on) {
    return new Trail.Node(
        UUID.randomUUID(), Trail.Kind.QUESTION, text, on, "OPEN", owner, null, null, null);
  }

  static TrailService.View view(List<Trail.Node> nodes, List<Trail.Edge> edges) {
    return new TrailService.View(
        ENGAGEMENT,
        null,
        null,
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 3, 31),
        true,
        new Trail.Result(nodes, edges, false));
  }

  @Test
  void everyHostileCellOfTheCsvIsNeutralised() throws Exception {
    List<Trail.Node> nodes =
        HOSTILE.stream().map(t -> question(t, t, LocalDate.of(2026, 2, 1))).toList();
    String csv = presenter.csv(CLIENT, view(nodes, List.of()), Locale.ENGLISH);
    List<CSVRecord> records =
        CSVFormat.DEFAULT.builder().get().parse(new StringReader(csv)).getRecords();
    assertThat(records).hasSize(1 + HOSTILE.size());
    assertThat(records.get(0).values()).startsWith("kind", "id", "date");
    for (int i = 0; i < HOSTILE.size(); i++) {
      CSVRecord r = records.get(i + 1);
      assertThat(r.get(4)).as("label").isEqualTo("'" + HOSTILE.get(i));
      assertThat(r.get(6)).as("owner").isEqualTo("'" + HOSTILE.get(i));
      for (String cell : r.values()) {
        assertThat(nl.orgcoach.platform.CsvSafety.looksLikeFormula(cell)).as(cell).isFalse();
      }
    }
  }

  @Test
  void theTimelineGroupsByWeekForAQuarterAndShowsWhereEachNodeCameFrom() {
    Trail.Node q = question("Hoe?", "Els", LocalDate.of(2026, 2, 2));
    Trail.Node i =
        new Trail.Node(
            UUID.randomUUID(),
            Trail.Kind.INTERVENTION,
            "TEAM_COACHING",
            LocalDate.of(2026, 2, 12),
            "HELD",
            null,
            null,
            LocalTime.of(9, 0),
            null);
    var groups =
        presenter.timeline(
            CLIENT,
            view(
                List.of(q, i), List.of(new Trail.Edge(q.id(), i.id(), Trail.EdgeKind.ANSWERED_BY))),
            Locale.ENGLISH);
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).start()).isEqualTo(LocalDate.of(2026, 2, 2)); // a Monday
    assertThat(groups.get(1).start()).isEqualTo(LocalDate.of(2026, 2, 9));
    var item = groups.get(1).items().get(0);
    assertThat(item.url())
        .isEqualTo("/c/" + CLIENT + "/engagements/" + ENGAGEMENT + "/interventions/" + i.id());
    assertThat(item.from()).extracting(TrailPresenter.Link::id).containsExactly(q.id());
    assertThat(TrailPresenter.byWeek(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
        .isFalse();
  }

  @Test
  void anAgreementLinksToItsIntervention() {
    UUID intervention = UUID.randomUUID();
    Trail.Node a =
        new Trail.Node(
            UUID.randomUUID(),
            Trail.Kind.AGREEMENT,
            "Rooster maken",
            LocalDate.of(2026, 2, 12),
            "OPEN",
            "Mo",
            intervention,
            null,
            null);
    assertThat(TrailPresenter.url(CLIENT, ENGAGEMENT, a))
        .endsWith("/interventions/" + intervention + "#agreement-" + a.id());
  }

  @Test
  void theGraphPutsEachKindInItsLaneAndLinksEveryNode() {
    Trail.Node q = question("Hoe?", "Els", LocalDate.of(2026, 1, 1));
    Trail.Node q2 = question("Wie?", "Els", LocalDate.of(2026, 3, 31));
    var option = presenter.graph(CLIENT, view(List.of(q, q2), List.of()), Locale.ENGLISH);
    @SuppressWarnings("unchecked")
    var series = (List<java.util.Map<String, Object>>) option.get("series");
    @SuppressWarnings("unchecked")
    var data = (List<java.util.Map<String, Object>>) series.get(0).get("data");
    assertThat(data).hasSize(2);
    assertThat((double) data.get(0).get("x")).isZero();
    assertThat((double) data.get(1).get("x")).isGreaterThan(0);
    assertThat(data.get(0).get("href")).isEqualTo(TrailPresenter.url(CLIENT, ENGAGEMENT, q));
  }
}
