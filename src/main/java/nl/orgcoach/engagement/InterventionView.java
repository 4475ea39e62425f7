package nl.orgcoach.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One intervention as a page and the API show it. {@code notes} is null (and absent from JSON)
 * unless {@link NoteAccess} allowed the reader; {@code mayShare} is true for its coachees.
 */
record InterventionView(
    UUID id,
    UUID engagementId,
    InterventionType type,
    LocalDate heldOn,
    int durationMinutes,
    OffsetDateTime recordedAt,
    List<Interventions.Named> coaches,
    List<Interventions.Named> participants,
    List<Questions.Row> questions,
    List<Interventions.AgreementRow> agreements,
    List<Questions.Row> followUps,
    @JsonInclude(JsonInclude.Include.NON_NULL) String notes,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Interventions.Named> sharedWith,
    boolean notesReadable,
    boolean mayShare,
    @JsonInclude(JsonInclude.Include.NON_NULL) LocalTime startsAt) {}
