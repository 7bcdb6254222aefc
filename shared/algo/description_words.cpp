#include "shared/algo/description_words.h"

#include <algorithm>
#include <array>
#include <string>

#include "shared/algo/name_similarity.h"
#include "shared/model/languages.h"

namespace core::algo {
namespace {

constexpr int kEnglish = 1;
using Texts = std::array<std::string_view, 6>;  // de, en, es, fr, it, pt
using Entry = std::pair<std::string_view, Texts>;

constexpr std::array kNouns{
    Entry{"museum", {"Museum", "Museum", "Museo", "Musée", "Museo", "Museu"}},
    Entry{"gallery",
          {"Kunstgalerie",
           "Art gallery",
           "Galería de arte",
           "Galerie d'art",
           "Galleria d'arte",
           "Galeria de arte"}},
    Entry{"castle", {"Burg", "Castle", "Castillo", "Château fort", "Castello", "Castelo"}},
    Entry{"palace", {"Palast", "Palace", "Palacio", "Palais", "Palazzo", "Palácio"}},
    Entry{"fort", {"Festung", "Fortress", "Fortaleza", "Forteresse", "Fortezza", "Fortaleza"}},
    Entry{"manor",
          {"Herrenhaus", "Manor house", "Casa señorial", "Manoir", "Villa padronale", "Solar"}},
    Entry{"church", {"Kirche", "Church", "Iglesia", "Église", "Chiesa", "Igreja"}},
    Entry{"cathedral",
          {"Kathedrale", "Cathedral", "Catedral", "Cathédrale", "Cattedrale", "Catedral"}},
    Entry{"chapel", {"Kapelle", "Chapel", "Capilla", "Chapelle", "Cappella", "Capela"}},
    Entry{"monastery",
          {"Kloster", "Monastery", "Monasterio", "Monastère", "Monastero", "Mosteiro"}},
    Entry{"mosque", {"Moschee", "Mosque", "Mezquita", "Mosquée", "Moschea", "Mesquita"}},
    Entry{"synagogue", {"Synagoge", "Synagogue", "Sinagoga", "Synagogue", "Sinagoga", "Sinagoga"}},
    Entry{"temple", {"Tempel", "Temple", "Templo", "Temple", "Tempio", "Templo"}},
    Entry{"shrine", {"Schrein", "Shrine", "Santuario", "Sanctuaire", "Santuario", "Santuário"}},
    Entry{"place_of_worship",
          {"Gotteshaus",
           "Place of worship",
           "Lugar de culto",
           "Lieu de culte",
           "Luogo di culto",
           "Local de culto"}},
    Entry{"zoo", {"Zoo", "Zoo", "Zoológico", "Zoo", "Zoo", "Jardim zoológico"}},
    Entry{"aquarium", {"Aquarium", "Aquarium", "Acuario", "Aquarium", "Acquario", "Aquário"}},
    Entry{"theme_park",
          {"Freizeitpark",
           "Theme park",
           "Parque temático",
           "Parc à thème",
           "Parco a tema",
           "Parque temático"}},
    Entry{"ruins", {"Ruine", "Ruins", "Ruinas", "Ruines", "Rovine", "Ruínas"}},
    Entry{"archaeological_site",
          {"Ausgrabungsstätte",
           "Archaeological site",
           "Yacimiento arqueológico",
           "Site archéologique",
           "Sito archeologico",
           "Sítio arqueológico"}},
    Entry{"viewpoint",
          {"Aussichtspunkt", "Viewpoint", "Mirador", "Point de vue", "Belvedere", "Miradouro"}},
    Entry{"tower", {"Turm", "Tower", "Torre", "Tour", "Torre", "Torre"}},
    Entry{"lighthouse", {"Leuchtturm", "Lighthouse", "Faro", "Phare", "Faro", "Farol"}},
    Entry{"garden", {"Garten", "Garden", "Jardín", "Jardin", "Giardino", "Jardim"}},
    Entry{"botanical_garden",
          {"Botanischer Garten",
           "Botanical garden",
           "Jardín botánico",
           "Jardin botanique",
           "Orto botanico",
           "Jardim botânico"}},
    Entry{"park", {"Park", "Park", "Parque", "Parc", "Parco", "Parque"}},
    Entry{"monument", {"Denkmal", "Monument", "Monumento", "Monument", "Monumento", "Monumento"}},
    Entry{"memorial",
          {"Gedenkstätte", "Memorial", "Memorial", "Mémorial", "Memoriale", "Memorial"}},
    Entry{"statue", {"Statue", "Statue", "Estatua", "Statue", "Statua", "Estátua"}},
    Entry{"bust", {"Büste", "Bust", "Busto", "Buste", "Busto", "Busto"}},
    Entry{"plaque", {"Gedenktafel", "Plaque", "Placa", "Plaque commémorative", "Targa", "Placa"}},
    Entry{"grave", {"Grab", "Grave", "Tumba", "Tombe", "Tomba", "Sepultura"}},
    Entry{"tomb", {"Grabmal", "Tomb", "Sepulcro", "Tombeau", "Sepolcro", "Túmulo"}},
    Entry{"stone",
          {"Gedenkstein",
           "Memorial stone",
           "Piedra conmemorativa",
           "Pierre commémorative",
           "Lapide",
           "Pedra comemorativa"}},
    Entry{"sculpture",
          {"Skulptur", "Sculpture", "Escultura", "Sculpture", "Scultura", "Escultura"}},
    Entry{"artwork",
          {"Kunstwerk", "Artwork", "Obra de arte", "Œuvre d'art", "Opera d'arte", "Obra de arte"}},
    Entry{"historic_building",
          {"Historisches Gebäude",
           "Historic building",
           "Edificio histórico",
           "Bâtiment historique",
           "Edificio storico",
           "Edifício histórico"}},
    Entry{"historic_site",
          {"Historische Stätte",
           "Historic site",
           "Lugar histórico",
           "Site historique",
           "Luogo storico",
           "Local histórico"}},
    Entry{"city_gate",
          {"Stadttor",
           "City gate",
           "Puerta de la ciudad",
           "Porte de ville",
           "Porta cittadina",
           "Porta da cidade"}},
    Entry{"city_walls",
          {"Stadtmauer", "City walls", "Murallas", "Remparts", "Mura cittadine", "Muralhas"}},
    Entry{"bridge", {"Brücke", "Bridge", "Puente", "Pont", "Ponte", "Ponte"}},
    Entry{"fountain", {"Brunnen", "Fountain", "Fuente", "Fontaine", "Fontana", "Fonte"}},
    Entry{"square", {"Platz", "Square", "Plaza", "Place", "Piazza", "Praça"}},
    Entry{"market", {"Markthalle", "Market hall", "Mercado", "Marché", "Mercato", "Mercado"}},
    Entry{"station", {"Bahnhof", "Station", "Estación", "Gare", "Stazione", "Estação"}},
    Entry{"theatre", {"Theater", "Theatre", "Teatro", "Théâtre", "Teatro", "Teatro"}},
    Entry{"town_hall",
          {"Rathaus",
           "Town hall",
           "Ayuntamiento",
           "Hôtel de ville",
           "Municipio",
           "Câmara municipal"}},
    Entry{"sight",
          {"Sehenswürdigkeit",
           "Sight",
           "Lugar de interés",
           "Site touristique",
           "Luogo d'interesse",
           "Ponto de interesse"}},
};

constexpr std::array kDenominations{
    Entry{"roman_catholic",
          {"römisch-katholisch",
           "Roman Catholic",
           "católica",
           "catholique",
           "cattolica",
           "católica"}},
    Entry{"catholic",
          {"katholisch", "Catholic", "católica", "catholique", "cattolica", "católica"}},
    Entry{
        "protestant",
        {"evangelisch", "Protestant", "protestante", "protestante", "protestante", "protestante"}},
    Entry{"evangelical",
          {"evangelisch", "Evangelical", "evangélica", "évangélique", "evangelica", "evangélica"}},
    Entry{"lutheran",
          {"lutherisch", "Lutheran", "luterana", "luthérienne", "luterana", "luterana"}},
    Entry{"anglican",
          {"anglikanisch", "Anglican", "anglicana", "anglicane", "anglicana", "anglicana"}},
    Entry{"orthodox", {"orthodox", "Orthodox", "ortodoxa", "orthodoxe", "ortodossa", "ortodoxa"}},
    Entry{"russian_orthodox",
          {"russisch-orthodox",
           "Russian Orthodox",
           "ortodoxa rusa",
           "orthodoxe russe",
           "ortodossa russa",
           "ortodoxa russa"}},
    Entry{"greek_orthodox",
          {"griechisch-orthodox",
           "Greek Orthodox",
           "ortodoxa griega",
           "orthodoxe grecque",
           "ortodossa greca",
           "ortodoxa grega"}},
    Entry{"reformed",
          {"reformiert", "Reformed", "reformada", "réformée", "riformata", "reformada"}},
};

constexpr std::array kPhrases{
    Entry{"architect",
          {"Architekt: %",
           "architect: %",
           "arquitecto: %",
           "architecte : %",
           "architetto: %",
           "arquiteto: %"}},
    Entry{"artist",
          {"Künstler: %", "artist: %", "artista: %", "artiste : %", "artista: %", "artista: %"}},
    Entry{"dated", {"aus dem Jahr %", "dated %", "de %", "datant de %", "del %", "de %"}},
    Entry{"heritage",
          {"denkmalgeschützt",
           "listed heritage site",
           "patrimonio protegido",
           "monument protégé",
           "bene tutelato",
           "património classificado"}},
    Entry{
        "includes",
        {"Mit: %.", "Includes: %.", "Incluye: %.", "Comprend : %.", "Comprende: %.", "Inclui: %."}},
    Entry{"more",
          {" und % weitere", " and % more", " y % más", " et % autres", " e altri %", " e mais %"}},
};

constexpr std::array<Texts, 6> kInLanguage{{
    {"(auf Deutsch)",
     "(auf Englisch)",
     "(auf Spanisch)",
     "(auf Französisch)",
     "(auf Italienisch)",
     "(auf Portugiesisch)"},
    {"(in German)",
     "(in English)",
     "(in Spanish)",
     "(in French)",
     "(in Italian)",
     "(in Portuguese)"},
    {"(en alemán)",
     "(en inglés)",
     "(en español)",
     "(en francés)",
     "(en italiano)",
     "(en portugués)"},
    {"(en allemand)",
     "(en anglais)",
     "(en espagnol)",
     "(en français)",
     "(en italien)",
     "(en portugais)"},
    {"(in tedesco)",
     "(in inglese)",
     "(in spagnolo)",
     "(in francese)",
     "(in italiano)",
     "(in portoghese)"},
    {"(em alemão)",
     "(em inglês)",
     "(em espanhol)",
     "(em francês)",
     "(em italiano)",
     "(em português)"},
}};

// Frequent words of running text in each language, folded; names rarely consist of them.
constexpr std::array<std::array<std::string_view, 10>, 6> kCommonWords{{
    {"der", "die", "das", "und", "ist", "mit", "von", "den", "ein", "nicht"},
    {"the", "and", "of", "is", "to", "with", "for", "was", "by", "from"},
    {"el", "los", "las", "y", "es", "del", "con", "por", "una", "para"},
    {"le", "les", "et", "est", "des", "du", "une", "au", "avec", "pour"},
    {"il", "della", "di", "che", "e", "per", "con", "gli", "sono", "nel"},
    {"o", "os", "do", "da", "dos", "das", "um", "uma", "com", "em"},
}};

std::string_view lookup(const auto& table, std::string_view id, int index) {
  for (const auto& [key, texts] : table) {
    if (key == id) return texts[static_cast<std::size_t>(index)];
  }
  return {};
}

}  // namespace

int language_index(std::string_view language) {
  const std::string code = model::primary_language(language);
  for (std::size_t i = 0; i < model::kSupportedLanguages.size(); ++i) {
    if (model::kSupportedLanguages[i].code == code) return static_cast<int>(i);
  }
  return kEnglish;
}

std::string_view noun(std::string_view noun_id, int index) {
  const std::string_view text = lookup(kNouns, noun_id, index);
  return text.empty() ? lookup(kNouns, "sight", index) : text;
}

std::string_view denomination(std::string_view tag_value, int index) {
  return lookup(kDenominations, tag_value, index);
}

std::string_view phrase(std::string_view phrase_id, int index) {
  return lookup(kPhrases, phrase_id, index);
}

std::string_view in_language(int text_index, int index) {
  return kInLanguage[static_cast<std::size_t>(index)][static_cast<std::size_t>(text_index)];
}

int guess_language(std::string_view text) {
  const std::string folded = fold_name(text);
  std::array<int, 6> votes{};
  std::size_t start = 0;
  while (start < folded.size()) {
    const std::size_t end = std::min(folded.find(' ', start), folded.size());
    const std::string_view word = std::string_view(folded).substr(start, end - start);
    for (std::size_t l = 0; l < kCommonWords.size(); ++l) {
      if (std::find(kCommonWords[l].begin(), kCommonWords[l].end(), word) != kCommonWords[l].end())
        ++votes[l];
    }
    start = end + 1;
  }
  const auto best = std::max_element(votes.begin(), votes.end());
  const bool unique = std::count(votes.begin(), votes.end(), *best) == 1;
  return *best > 0 && unique ? static_cast<int>(best - votes.begin()) : -1;
}

}  // namespace core::algo
