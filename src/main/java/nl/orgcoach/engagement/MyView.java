package nl.orgcoach.engagement;

import java.util.List;

/**
 * The coachee's home: my questions, my agreements, the interventions I took part in and my coming
 * sessions (with a link to their calendar file).
 */
record MyView(
    List<Questions.Row> questions,
    List<Interventions.AgreementRow> agreements,
    List<Interventions.Summary> interventions,
    List<Interventions.Coming> coming) {}
