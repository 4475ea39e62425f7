package nl.orgcoach.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The reporting lines of (part of) one client as they were on one date: for each person known on
 * that date, their unit and manager. Immutable and free of I/O, so that it can be built in memory
 * in tests and handed to {@link ConstellationDerivation}. {@link ReportingLines} builds it from the
 * history, either for a whole client or around a few people.
 *
 * <p>A snapshot built around a few people (the "focus") holds their lines, the lines of everyone
 * above them, and all their direct reports: {@link #chainAbove} is complete for every person it
 * holds, {@link #directReportsOf} only for the focus.
 */
public final class ReportingSnapshot {

  /** One person's place on the date: their unit, and their manager (null at the top or unknown). */
  public record Line(UUID personId, UUID unitId, UUID managerId) {}

  private final LocalDate date;
  private final Map<UUID, Line> lines;
  private final Set<UUID> focus;
  private final Map<UUID, Set<UUID>> reports;

  private ReportingSnapshot(LocalDate date, Collection<Line> lines, Set<UUID> focus) {
    this.date = date;
    var byPerson = new HashMap<UUID, Line>();
    for (Line line : lines) {
      byPerson.put(line.personId(), line);
    }
    this.lines = Map.copyOf(byPerson);
    this.focus = focus == null ? null : Set.copyOf(focus);
    var byManager = new HashMap<UUID, Set<UUID>>();
    for (Line line : byPerson.values()) {
      if (line.managerId() != null && !line.managerId().equals(line.personId())) {
        byManager.computeIfAbsent(line.managerId(), m -> new HashSet<>()).add(line.personId());
      }
    }
    this.reports = byManager;
  }

  /** A snapshot that holds every line of the client on {@code date}. */
  public static ReportingSnapshot of(LocalDate date, Collection<Line> lines) {
    return new ReportingSnapshot(date, lines, null);
  }

  /** A snapshot whose direct reports are known only for {@code focus} (see the class comment). */
  static ReportingSnapshot around(LocalDate date, Collection<Line> lines, Set<UUID> focus) {
    return new ReportingSnapshot(date, lines, focus);
  }

  public LocalDate date() {
    return date;
  }

  /** Whether the person belonged to the client on the date (as far as this snapshot holds). */
  public boolean knows(UUID person) {
    return lines.containsKey(person);
  }

  public Optional<UUID> unitOf(UUID person) {
    return Optional.ofNullable(lines.get(person)).map(Line::unitId);
  }

  public Optional<UUID> managerOf(UUID person) {
    return Optional.ofNullable(lines.get(person)).map(Line::managerId);
  }

  /**
   * The person's manager, that manager's manager, and so on to the top, nearest first. Stops at a
   * manager the snapshot does not know (their own manager is unknown) and before repeating anyone,
   * so a damaged history with a loop still gives a finite answer.
   */
  public List<UUID> chainAbove(UUID person) {
    var chain = new LinkedHashSet<UUID>();
    Line line = lines.get(person);
    while (line != null && line.managerId() != null) {
      UUID manager = line.managerId();
      if (manager.equals(person) || !chain.add(manager)) {
        break;
      }
      line = lines.get(manager);
    }
    return List.copyOf(chain);
  }

  /** Whether {@code superior} is somewhere above {@code person} in the chain on the date. */
  public boolean isAbove(UUID superior, UUID person) {
    return chainAbove(person).contains(superior);
  }

  /**
   * Who reported directly to the person on the date.
   *
   * @throws IllegalArgumentException for a snapshot built around other people, which cannot know
   */
  public Set<UUID> directReportsOf(UUID person) {
    if (focus != null && !focus.contains(person)) {
      throw new IllegalArgumentException(
          "This snapshot was not built around " + person + " and does not hold their reports");
    }
    return Collections.unmodifiableSet(reports.getOrDefault(person, Set.of()));
  }

  /** Every line held, in no particular order. */
  public List<Line> lines() {
    return new ArrayList<>(lines.values());
  }
}
