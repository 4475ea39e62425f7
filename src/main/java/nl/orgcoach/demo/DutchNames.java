package nl.orgcoach.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Names and places for fictional Dutch organisations. Common names first: the generator favours them. */
final class DutchNames {

  private DutchNames() {}

  static final List<String> WOMEN =
      List.of(
          "Anouk", "Sanne", "Lisa", "Femke", "Marloes", "Linda", "Esther", "Monique", "Petra", "Ingrid",
          "Emma", "Sophie", "Julia", "Anna", "Eva", "Fleur", "Lotte", "Iris", "Ilse", "Kim",
          "Marieke", "Annemiek", "Wilma", "Ria", "Els", "Joke", "Tineke", "Hanneke", "Mirjam", "Naima",
          "Fatima", "Samira", "Ayşe", "Nicole", "Sandra", "Manon", "Lieke", "Noor", "Tessa", "Sara",
          "Roos", "Maud", "Yvonne", "Carla", "Gerda", "Janneke", "Merel", "Saskia", "Chantal", "Anke",
          "Renée", "Zoë", "Bernadette", "Gülşen", "Priya");

  static final List<String> MEN =
      List.of(
          "Jeroen", "Mark", "Bas", "Dennis", "Erik", "Joost", "Maarten", "Pieter", "Sander", "Wouter",
          "Daan", "Sem", "Lucas", "Levi", "Finn", "Bram", "Jesse", "Thijs", "Ruben", "Lars",
          "Tim", "Kees", "Henk", "Jan", "Gerrit", "Willem", "Hans", "Rob", "Frank", "Martijn",
          "Niels", "Koen", "Stefan", "Michiel", "Arjen", "Youssef", "Mohamed", "Mehmet", "Ricardo", "Thomas",
          "Jasper", "Hidde", "Stijn", "Roel", "Teun", "Gijs", "Floris", "Wim", "Ad", "Johan", "René", "Kerem");

  /** Surnames with their tussenvoegsel, as they go into the last_name column. */
  static final List<String> SURNAMES =
      List.of(
          "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
          "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
          "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
          "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
          "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet",
          "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom",
          "Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra", "Kramer",
          "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink", "de Ridder", "Jonker",
          "'t Hart", "van 't Hof", "ter Horst", "ten Brink", "Wolters", "Nijhuis", "Oude Nijhuis",
          "Lammers", "Brinkman", "Timmerman", "Groothuis", "Kamphuis", "Hofman", "Boersma", "Yılmaz", "Kaya",
          "El Amrani", "Bouzid", "Öztürk", "Şahin", "Nguyen", "Pinas", "Zandvliet", "Wijnands", "van Bommel",
          "in 't Veld", "van der Zande", "Doğan", "Koning", "ter Beek", "van Ommen", "Hulshof", "Bosch",
          "Pelgrim", "Wesselink", "Slot", "Haverkamp", "Jaspers", "Meulenbelt", "van Til", "Vrielink");

  static final List<String> IJSSEL_TOWNS =
      List.of(
          "Deventer", "Zutphen", "Kampen", "Zwolle", "Hattem", "Olst", "Wijhe", "Raalte", "Epe", "Heerde",
          "Brummen", "Lochem", "Twello", "Gorssel");

  static final List<String> TOWNS =
      List.of(
          "Deventer", "Zutphen", "Kampen", "Zwolle", "Hattem", "Olst", "Wijhe", "Raalte", "Epe", "Heerde",
          "Brummen", "Lochem", "Twello", "Gorssel", "Apeldoorn", "Arnhem", "Nijmegen", "Ede", "Wageningen",
          "Doetinchem", "Winterswijk", "Enschede", "Hengelo", "Almelo", "Oldenzaal", "Hardenberg", "Ommen",
          "Dalfsen", "Meppel", "Assen", "Emmen", "Hoogeveen", "Groningen", "Leeuwarden", "Sneek", "Heerenveen",
          "Drachten", "Lelystad", "Almere", "Harderwijk", "Amersfoort", "Utrecht", "Zeist", "Houten",
          "Gouda", "Leiden", "Delft", "Dordrecht", "Gorinchem", "Tiel", "Den Bosch", "Oss", "Tilburg",
          "Breda", "Eindhoven", "Helmond", "Venlo", "Roermond", "Sittard", "Heerlen", "Maastricht", "Middelburg",
          "Goes", "Vlissingen", "Alkmaar", "Hoorn", "Purmerend", "Zaandam", "Haarlem", "Hilversum");

  /** Lower-case ASCII letters only, for the local part of an e-mail address ("'t Hart" → "thart"). */
  static String slug(String name) {
    String ascii =
        Normalizer.normalize(name.replace('ı', 'i'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
