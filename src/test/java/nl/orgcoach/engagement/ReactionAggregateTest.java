package nl.orgcoach.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.orgcoach.platform.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReactionAggregateTest {

  final UUID intervention = UUID.randomUUID();
  final UUID person = UUID.randomUUID();

  @ParameterizedTest
  @ValueSource(strings = {"1", "3", " 5 "})
  void aRatingFromOneToFiveIsTaken(String rating) {
    Reaction r =
        Reaction.give(intervention, person, new Reaction.Answer(rating, "  nuttig "), Fakes.NOW);
    assertThat(r.rating()).isEqualTo(Integer.parseInt(rating.strip()));
    assertThat(r.comment()).isEqualTo("nuttig");
    assertThat(r.personId()).isEqualTo(person);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "6", "-1", "4.5", "vijf", ""})
  void anythingElseIsRefusedWithAMessageForTheRating(String rating) {
    assertThatThrownBy(
            () -> Reaction.give(intervention, person, new Reaction.Answer(rating, null), Fakes.NOW))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> assertThat(e.details()).extracting(UserError.Problem::field).contains("rating"));
  }

  @Test
  void aCommentOfMoreThanAThousandCharactersIsRefused() {
    assertThatThrownBy(
            () ->
                Reaction.give(
                    intervention, null, new Reaction.Answer("4", "x".repeat(1001)), Fakes.NOW))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> assertThat(e.details()).extracting(UserError.Problem::field).contains("comment"));
  }

  @Test
  void aChangeFollowsTheSameRulesAndChangesNothingWhenRefused() {
    Reaction r = Reaction.give(intervention, person, new Reaction.Answer("2", "matig"), Fakes.NOW);
    assertThatThrownBy(() -> r.change(new Reaction.Answer("9", "super"), Fakes.NOW.plusDays(1)))
        .isInstanceOf(UserError.class);
    assertThat(r.rating()).isEqualTo(2);
    assertThat(r.comment()).isEqualTo("matig");
    r.change(new Reaction.Answer("5", null), Fakes.NOW.plusDays(1));
    assertThat(r.rating()).isEqualTo(5);
    assertThat(r.comment()).isNull();
    assertThat(r.answeredAt()).isEqualTo(Fakes.NOW.plusDays(1));
  }
}
