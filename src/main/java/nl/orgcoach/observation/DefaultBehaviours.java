package nl.orgcoach.observation;

import java.util.List;

/**
 * The behaviours a new framework starts with: observable behaviour that the method works on (see
 * the seed summary: demand-driven, ownership with the client, working on the job, congruence across
 * constellations). Each is phrased as something a coach can see someone do in a meeting, with
 * indicators that say what counts.
 */
final class DefaultBehaviours {

  private DefaultBehaviours() {}

  record Default(
      String code,
      String nameNl,
      String nameEn,
      String descriptionNl,
      String descriptionEn,
      String indicatorsNl,
      String indicatorsEn) {

    Behaviour.Text text() {
      return new Behaviour.Text(
          nameNl, nameEn, descriptionNl, descriptionEn, indicatorsNl, indicatorsEn);
    }
  }

  static final List<Default> ALL =
      List.of(
          new Default(
              "ASKS_INPUT",
              "Vraagt om inbreng voordat hij of zij besluit",
              "Asks for input before deciding",
              "Haalt de kennis en meningen van de betrokkenen op voordat een besluit valt, en laat"
                  + " zien wat ermee gedaan wordt.",
              "Gathers the knowledge and views of those involved before a decision is taken, and"
                  + " shows what was done with them.",
              "Stelt een open vraag voordat het eigen standpunt op tafel komt\n"
                  + "Geeft stille deelnemers de gelegenheid te reageren\n"
                  + "Benoemt welke inbreng het besluit heeft veranderd",
              "Asks an open question before stating their own position\n"
                  + "Gives quiet participants room to respond\n"
                  + "Names which input changed the decision"),
          new Default(
              "DIRECT_FEEDBACK",
              "Geeft directe feedback",
              "Gives direct feedback",
              "Zegt het rechtstreeks tegen de persoon om wie het gaat, concreet en op het moment"
                  + " zelf, in plaats van erover te praten met anderen.",
              "Tells the person concerned directly, concretely and at the time, instead of"
                  + " talking about them with others.",
              "Spreekt de persoon zelf aan, niet via een derde\n"
                  + "Beschrijft concreet gedrag en het effect ervan\n"
                  + "Doet het in het overleg zelf of direct erna",
              "Addresses the person themself, not through a third party\n"
                  + "Describes concrete behaviour and its effect\n"
                  + "Does so in the meeting itself or right after"),
          new Default(
              "FOLLOWS_THROUGH",
              "Komt afspraken na",
              "Follows through on agreements",
              "Doet wat is afgesproken, op tijd, en meldt het zelf als dat niet lukt.",
              "Does what was agreed, on time, and says so unprompted when that fails.",
              "Meldt uit zichzelf de stand van een afspraak\n"
                  + "Stelt tijdig bij als een afspraak niet haalbaar blijkt\n"
                  + "Verwijst naar eerder gemaakte afspraken",
              "Reports the state of an agreement unprompted\n"
                  + "Adjusts in good time when an agreement proves unfeasible\n"
                  + "Refers back to agreements made earlier"),
          new Default(
              "NAMES_TENSIONS",
              "Benoemt spanningen openlijk",
              "Names tensions openly",
              "Maakt zichtbaar wat schuurt (tegenstrijdige belangen, ongemak, een olifant in de"
                  + " kamer) in plaats van het te laten liggen of om te buigen.",
              "Brings into the open what chafes (conflicting interests, unease, the elephant in"
                  + " the room) instead of leaving it or smoothing it over.",
              "Zegt hardop wat anderen zichtbaar ongemakkelijk maakt\n"
                  + "Benoemt een tegenstelling zonder schuldige aan te wijzen\n"
                  + "Blijft bij het onderwerp als het spannend wordt",
              "Says out loud what visibly makes others uneasy\n"
                  + "Names a conflict without blaming anyone\n"
                  + "Stays with the subject when it gets tense"),
          new Default(
              "SHARES_ACROSS_UNITS",
              "Deelt informatie over de grenzen van de eigen eenheid",
              "Shares information across units",
              "Brengt informatie actief naar andere teams en afdelingen die ervan afhankelijk"
                  + " zijn, ook als niemand erom vraagt.",
              "Actively brings information to the other teams and departments that depend on"
                  + " it, even when nobody asks.",
              "Noemt wie buiten de eigen eenheid dit ook moet weten\n"
                  + "Deelt eigen cijfers of problemen met andere eenheden\n"
                  + "Nodigt een andere eenheid uit om mee te denken",
              "Names who outside their own unit should know this too\n"
                  + "Shares their own figures or problems with other units\n"
                  + "Invites another unit to think along"),
          new Default(
              "TEAM_OWNS_SOLUTION",
              "Laat het team eigenaar zijn van de oplossing",
              "Lets the team own the solution",
              "Geeft een vraagstuk terug aan wie het aangaat en neemt het niet over, ook niet als"
                  + " het sneller zou gaan.",
              "Hands a problem back to those it concerns and does not take it over, even when"
                  + " that would be quicker.",
              "Stelt een vraag terug in plaats van een oplossing te geven\n"
                  + "Laat een teamlid de actie oppakken\n"
                  + "Houdt zich in als het team zoekt",
              "Answers with a question rather than a solution\n"
                  + "Lets a team member take up the action\n"
                  + "Holds back while the team is searching"),
          new Default(
              "LISTENS",
              "Luistert en vat samen",
              "Listens and summarises",
              "Laat anderen uitspreken, vraagt door en checkt of hij of zij het goed begrepen"
                  + " heeft voordat er gereageerd wordt.",
              "Lets others finish, asks further and checks their understanding before"
                  + " responding.",
              "Laat de ander uitpraten\n"
                  + "Vraagt door op wat er gezegd wordt\n"
                  + "Vat samen voordat hij of zij reageert",
              "Lets the other finish\n"
                  + "Asks further about what was said\n"
                  + "Summarises before responding"),
          new Default(
              "ADMITS_MISTAKES",
              "Erkent eigen fouten en twijfels",
              "Admits own mistakes and doubts",
              "Is open over wat niet goed ging of waar hij of zij onzeker over is, zodat anderen"
                  + " dat ook durven.",
              "Is open about what went wrong or what they are unsure of, so that others dare to"
                  + " be as well.",
              "Noemt een eigen fout zonder te verdedigen\n"
                  + "Zegt 'ik weet het niet' of 'ik twijfel'\n"
                  + "Vraagt om hulp",
              "Names a mistake of their own without defending it\n"
                  + "Says 'I don't know' or 'I'm not sure'\n"
                  + "Asks for help"),
          new Default(
              "EXPLAINS_DECISIONS",
              "Legt besluiten uit",
              "Explains decisions",
              "Maakt duidelijk wat er besloten is, waarom, en wat het voor de aanwezigen betekent.",
              "Makes clear what was decided, why, and what it means for those present.",
              "Noemt de afwegingen achter een besluit\n"
                  + "Zegt wat het besluit voor wie betekent\n"
                  + "Checkt of het besluit begrepen is",
              "Names the considerations behind a decision\n"
                  + "Says what the decision means for whom\n"
                  + "Checks that the decision is understood"),
          new Default(
              "ASKS_FEEDBACK",
              "Vraagt om feedback op eigen gedrag",
              "Asks for feedback on own behaviour",
              "Nodigt anderen uit te zeggen wat zijn of haar gedrag bij hen teweegbrengt, en"
                  + " reageert daar open op.",
              "Invites others to say what their behaviour does to them, and responds openly.",
              "Vraagt: 'wat doet dit met jullie?'\n"
                  + "Bedankt voor kritiek in plaats van te verdedigen\n"
                  + "Doet iets zichtbaar met de feedback",
              "Asks: 'what does this do to you?'\n"
                  + "Thanks people for criticism rather than defending\n"
                  + "Visibly acts on the feedback"),
          new Default(
              "CONSISTENT_MESSAGE",
              "Brengt dezelfde boodschap aan iedereen",
              "Gives everyone the same message",
              "Vertelt boven, naast en onder zich hetzelfde verhaal, zonder het bij te kleuren naar"
                  + " wie er in de zaal zit.",
              "Tells the same story above, beside and below them, without colouring it to suit"
                  + " whoever is in the room.",
              "Herhaalt een standpunt ook als de leidinggevende aanwezig is\n"
                  + "Verwijst naar wat hij of zij elders heeft gezegd\n"
                  + "Draait niet bij onder druk van wie er zit",
              "Holds a position when their manager is present too\n"
                  + "Refers to what they said elsewhere\n"
                  + "Does not shift under pressure of who is present"),
          new Default(
              "SUPPORTS_OTHERS",
              "Geeft anderen ruimte en erkenning",
              "Gives others room and recognition",
              "Maakt zichtbaar wat anderen bijdragen en geeft ruimte aan wie minder aan het woord"
                  + " komt.",
              "Makes visible what others contribute and gives room to those who speak less.",
              "Noemt de bijdrage van een ander bij naam\n"
                  + "Nodigt wie stil is uit om iets te zeggen\n"
                  + "Onderbreekt niet en neemt geen ideeën over als eigen",
              "Names someone else's contribution by name\n"
                  + "Invites those who are quiet to speak\n"
                  + "Does not interrupt or present others' ideas as their own"));
}
