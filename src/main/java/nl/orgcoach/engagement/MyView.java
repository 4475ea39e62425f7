package nl.orgcoach.engagement;

import java.util.List;

/** The coachee's home: my questions, my agreements and the interventions I took part in. */
record MyView(
    List<Questions.Row> questions,
    List<Interventions.AgreementRow> agreements,
    List<Interventions.Summary> interventions) {}
