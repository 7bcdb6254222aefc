#include "shared/algo/sight_words.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace core::algo {
namespace {

using Word = std::pair<std::string_view, std::string_view>;

// Kind words of the languages the data comes in, folded, with the token of their kind.
constexpr std::array kKindWords{
    Word{"church", "~church"}, Word{"igreja", "~church"}, Word{"eglise", "~church"}, Word{"kirche", "~church"},
    Word{"chiesa", "~church"}, Word{"iglesia", "~church"}, Word{"kirke", "~church"}, Word{"kirken", "~church"},
    Word{"kyrka", "~church"}, Word{"kyrkan", "~church"}, Word{"kirkko", "~church"}, Word{"kerk", "~church"},
    Word{"kosciol", "~church"}, Word{"basilica", "~church"}, Word{"basilika", "~church"}, Word{"basilique", "~church"},
    Word{"chapel", "~chapel"}, Word{"capela", "~chapel"}, Word{"chapelle", "~chapel"}, Word{"kapelle", "~chapel"},
    Word{"cappella", "~chapel"}, Word{"capilla", "~chapel"}, Word{"kapel", "~chapel"}, Word{"kapell", "~chapel"},
    Word{"cathedral", "~cathedral"}, Word{"catedral", "~cathedral"}, Word{"cathedrale", "~cathedral"},
    Word{"kathedrale", "~cathedral"}, Word{"duomo", "~cathedral"}, Word{"se", "~cathedral"},
    Word{"domkirke", "~cathedral"}, Word{"domkyrka", "~cathedral"}, Word{"tuomiokirkko", "~cathedral"},
    Word{"katedra", "~cathedral"}, Word{"munster", "~cathedral"},
    Word{"tower", "~tower"}, Word{"torre", "~tower"}, Word{"tour", "~tower"}, Word{"turm", "~tower"},
    Word{"taarn", "~tower"}, Word{"tarn", "~tower"}, Word{"torn", "~tower"}, Word{"tornet", "~tower"},
    Word{"torni", "~tower"}, Word{"wieza", "~tower"}, Word{"campanile", "~tower"}, Word{"belfry", "~tower"},
    Word{"beffroi", "~tower"}, Word{"museum", "~museum"}, Word{"museu", "~museum"}, Word{"musee", "~museum"},
    Word{"museo", "~museum"}, Word{"museet", "~museum"}, Word{"muzeum", "~museum"}, Word{"musaum", "~museum"},
    Word{"gallery", "~gallery"}, Word{"galeria", "~gallery"}, Word{"galerie", "~gallery"},
    Word{"galleria", "~gallery"}, Word{"galleri", "~gallery"}, Word{"palace", "~palace"}, Word{"palacio", "~palace"},
    Word{"palais", "~palace"}, Word{"palazzo", "~palace"}, Word{"palast", "~palace"}, Word{"palae", "~palace"},
    Word{"palads", "~palace"}, Word{"palats", "~palace"}, Word{"palatset", "~palace"}, Word{"palacete", "~palace"},
    Word{"castle", "~castle"}, Word{"castelo", "~castle"}, Word{"chateau", "~castle"}, Word{"castello", "~castle"},
    Word{"castillo", "~castle"}, Word{"schloss", "~castle"}, Word{"burg", "~castle"}, Word{"slot", "~castle"},
    Word{"slott", "~castle"}, Word{"slottet", "~castle"}, Word{"linna", "~castle"}, Word{"zamek", "~castle"},
    Word{"fortress", "~castle"}, Word{"fort", "~castle"}, Word{"forte", "~castle"}, Word{"fortaleza", "~castle"},
    Word{"festung", "~castle"}, Word{"fortezza", "~castle"}, Word{"citadel", "~castle"}, Word{"citadelle", "~castle"},
    Word{"zitadelle", "~castle"}, Word{"garden", "~garden"}, Word{"gardens", "~garden"}, Word{"jardim", "~garden"},
    Word{"jardin", "~garden"}, Word{"jardins", "~garden"}, Word{"garten", "~garden"}, Word{"giardino", "~garden"},
    Word{"giardini", "~garden"}, Word{"jardines", "~garden"}, Word{"tradgard", "~garden"},
    Word{"puutarha", "~garden"}, Word{"ogrod", "~garden"}, Word{"park", "~park"}, Word{"parque", "~park"},
    Word{"parc", "~park"}, Word{"parco", "~park"}, Word{"puisto", "~park"}, Word{"parken", "~park"},
    Word{"square", "~square"}, Word{"praca", "~square"}, Word{"place", "~square"}, Word{"platz", "~square"},
    Word{"piazza", "~square"}, Word{"plaza", "~square"}, Word{"plads", "~square"}, Word{"torg", "~square"},
    Word{"torget", "~square"}, Word{"tori", "~square"}, Word{"largo", "~square"}, Word{"rynek", "~square"},
    Word{"bridge", "~bridge"}, Word{"ponte", "~bridge"}, Word{"pont", "~bridge"}, Word{"brucke", "~bridge"},
    Word{"puente", "~bridge"}, Word{"bro", "~bridge"}, Word{"bron", "~bridge"}, Word{"silta", "~bridge"},
    Word{"gate", "~gate"}, Word{"porta", "~gate"}, Word{"porte", "~gate"}, Word{"tor", "~gate"},
    Word{"puerta", "~gate"}, Word{"fountain", "~fountain"}, Word{"fonte", "~fountain"},
    Word{"fontaine", "~fountain"}, Word{"brunnen", "~fountain"}, Word{"fontana", "~fountain"},
    Word{"fuente", "~fountain"}, Word{"chafariz", "~fountain"}, Word{"monastery", "~monastery"},
    Word{"mosteiro", "~monastery"}, Word{"convento", "~monastery"}, Word{"convent", "~monastery"},
    Word{"couvent", "~monastery"}, Word{"kloster", "~monastery"}, Word{"monastere", "~monastery"},
    Word{"monastero", "~monastery"}, Word{"monasterio", "~monastery"}, Word{"abbey", "~monastery"},
    Word{"abbaye", "~monastery"}, Word{"abtei", "~monastery"}, Word{"abbazia", "~monastery"},
    Word{"abadia", "~monastery"}, Word{"priory", "~monastery"}, Word{"theatre", "~theatre"},
    Word{"theater", "~theatre"}, Word{"teatro", "~theatre"}, Word{"teatern", "~theatre"},
    Word{"teatteri", "~theatre"}, Word{"opera", "~theatre"}, Word{"oper", "~theatre"}, Word{"market", "~market"},
    Word{"mercado", "~market"}, Word{"marche", "~market"}, Word{"markt", "~market"}, Word{"mercato", "~market"},
    Word{"station", "~station"}, Word{"estacao", "~station"}, Word{"gare", "~station"}, Word{"bahnhof", "~station"},
    Word{"stazione", "~station"}, Word{"estacion", "~station"}, Word{"rathaus", "~townhall"},
    Word{"mairie", "~townhall"}, Word{"municipio", "~townhall"}, Word{"ayuntamiento", "~townhall"},
    Word{"radhus", "~townhall"}, Word{"raadhus", "~townhall"}, Word{"stadshus", "~townhall"},
    Word{"ratusz", "~townhall"}, Word{"hall", "~hall"}, Word{"halle", "~hall"}, Word{"saal", "~hall"},
    Word{"salle", "~hall"}, Word{"monument", "~monument"}, Word{"monumento", "~monument"},
    Word{"denkmal", "~monument"}, Word{"pomnik", "~monument"}, Word{"memorial", "~memorial"},
    Word{"gedenkstatte", "~memorial"}, Word{"mahnmal", "~memorial"}, Word{"muistomerkki", "~memorial"},
    Word{"statue", "~statue"}, Word{"estatua", "~statue"}, Word{"statua", "~statue"}, Word{"patsas", "~statue"},
    Word{"bust", "~bust"}, Word{"busto", "~bust"}, Word{"buste", "~bust"}, Word{"tomb", "~tomb"},
    Word{"tumulo", "~tomb"}, Word{"tombe", "~tomb"}, Word{"grab", "~tomb"}, Word{"tomba", "~tomb"},
    Word{"tumba", "~tomb"}, Word{"mausoleum", "~tomb"}, Word{"mausoleu", "~tomb"}, Word{"mausolee", "~tomb"},
    Word{"mausoleo", "~tomb"}, Word{"gruft", "~tomb"}, Word{"crypt", "~tomb"}, Word{"cripta", "~tomb"},
    Word{"crypte", "~tomb"}, Word{"krypta", "~tomb"}, Word{"house", "~house"}, Word{"casa", "~house"},
    Word{"maison", "~house"}, Word{"haus", "~house"}, Word{"hus", "~house"}, Word{"library", "~library"},
    Word{"biblioteca", "~library"}, Word{"bibliotheque", "~library"}, Word{"bibliothek", "~library"},
    Word{"bibliotek", "~library"}, Word{"cemetery", "~cemetery"}, Word{"cemiterio", "~cemetery"},
    Word{"cimetiere", "~cemetery"}, Word{"friedhof", "~cemetery"}, Word{"cimitero", "~cemetery"},
    Word{"cementerio", "~cemetery"}, Word{"kirkegard", "~cemetery"}, Word{"hautausmaa", "~cemetery"},
    Word{"temple", "~temple"}, Word{"templo", "~temple"}, Word{"tempel", "~temple"}, Word{"tempio", "~temple"},
    Word{"temppeli", "~temple"}, Word{"shrine", "~temple"}, Word{"sanctuaire", "~temple"},
    Word{"santuario", "~temple"}, Word{"synagogue", "~synagogue"}, Word{"sinagoga", "~synagogue"},
    Word{"synagoge", "~synagogue"}, Word{"synagoga", "~synagogue"}, Word{"mosque", "~mosque"},
    Word{"mesquita", "~mosque"}, Word{"mosquee", "~mosque"}, Word{"moschee", "~mosque"},
    Word{"moschea", "~mosque"}, Word{"mezquita", "~mosque"}, Word{"viewpoint", "~viewpoint"},
    Word{"miradouro", "~viewpoint"}, Word{"mirador", "~viewpoint"}, Word{"belvedere", "~viewpoint"},
    Word{"aussichtspunkt", "~viewpoint"}, Word{"lookout", "~viewpoint"}, Word{"wall", "~wall"},
    Word{"walls", "~wall"}, Word{"muralha", "~wall"}, Word{"muraille", "~wall"}, Word{"mauer", "~wall"},
    Word{"mura", "~wall"}, Word{"muralla", "~wall"}, Word{"column", "~column"}, Word{"coluna", "~column"},
    Word{"colonne", "~column"}, Word{"saule", "~column"}, Word{"colonna", "~column"}, Word{"columna", "~column"},
    Word{"street", "~street"}, Word{"rua", "~street"}, Word{"rue", "~street"}, Word{"strasse", "~street"},
    Word{"gasse", "~street"}, Word{"via", "~street"}, Word{"calle", "~street"}, Word{"gade", "~street"},
    Word{"gatan", "~street"}, Word{"katu", "~street"}, Word{"university", "~university"},
    Word{"universidade", "~university"}, Word{"universite", "~university"}, Word{"universitat", "~university"},
    Word{"universita", "~university"}, Word{"universidad", "~university"},
};

// Words many unrelated names share; they never tell two sights apart on their own.
constexpr std::array kGenericWords{
    Word{"saint", "=saint"}, Word{"saints", "=saint"}, Word{"st", "=saint"}, Word{"sankt", "=saint"},
    Word{"san", "=saint"}, Word{"santa", "=saint"}, Word{"santo", "=saint"}, Word{"santos", "=saint"},
    Word{"sao", "=saint"}, Word{"sainte", "=saint"}, Word{"ste", "=saint"}, Word{"sant", "=saint"},
    Word{"santi", "=saint"}, Word{"santissima", "=saint"}, Word{"santissimo", "=saint"}, Word{"sv", "=saint"},
    Word{"nossa", "=our"}, Word{"senhora", "=lady"}, Word{"notre", "=our"}, Word{"dame", "=lady"},
    Word{"nostra", "=our"}, Word{"signora", "=lady"}, Word{"nuestra", "=our"}, Word{"senora", "=lady"},
    Word{"unserer", "=our"}, Word{"lieben", "=dear"}, Word{"new", "=new"}, Word{"nova", "=new"},
    Word{"novo", "=new"}, Word{"nuova", "=new"}, Word{"nuovo", "=new"}, Word{"nouveau", "=new"},
    Word{"nouvelle", "=new"}, Word{"neu", "=new"}, Word{"neue", "=new"}, Word{"neues", "=new"},
    Word{"neuer", "=new"}, Word{"nueva", "=new"}, Word{"nuevo", "=new"}, Word{"ny", "=new"}, Word{"nya", "=new"},
    Word{"uusi", "=new"}, Word{"old", "=old"}, Word{"velha", "=old"}, Word{"velho", "=old"},
    Word{"antigo", "=old"}, Word{"antiga", "=old"}, Word{"vecchio", "=old"}, Word{"vecchia", "=old"},
    Word{"vieux", "=old"}, Word{"vieille", "=old"}, Word{"alt", "=old"}, Word{"alte", "=old"},
    Word{"altes", "=old"}, Word{"alter", "=old"}, Word{"viejo", "=old"}, Word{"vieja", "=old"},
    Word{"gamla", "=old"}, Word{"gammel", "=old"}, Word{"vanha", "=old"}, Word{"stara", "=old"},
    Word{"stary", "=old"}, Word{"great", "=great"}, Word{"grand", "=great"}, Word{"grande", "=great"},
    Word{"gran", "=great"}, Word{"gross", "=great"}, Word{"grosse", "=great"}, Word{"grosser", "=great"},
    Word{"grosses", "=great"}, Word{"small", "=small"}, Word{"little", "=small"}, Word{"petit", "=small"},
    Word{"petite", "=small"}, Word{"pequeno", "=small"}, Word{"piccolo", "=small"}, Word{"klein", "=small"},
    Word{"kleine", "=small"}, Word{"national", "=national"}, Word{"nacional", "=national"},
    Word{"nazionale", "=national"}, Word{"nationale", "=national"}, Word{"royal", "=royal"},
    Word{"real", "=royal"}, Word{"reale", "=royal"}, Word{"royale", "=royal"}, Word{"imperial", "=royal"},
    Word{"municipal", "=city"}, Word{"municipale", "=city"}, Word{"civico", "=city"}, Word{"city", "=city"},
    Word{"cidade", "=city"}, Word{"ville", "=city"}, Word{"citta", "=city"}, Word{"stadt", "=city"},
    Word{"ciudad", "=city"}, Word{"historic", "=historic"}, Word{"historico", "=historic"},
    Word{"historique", "=historic"}, Word{"storico", "=historic"}, Word{"medieval", "=period"},
    Word{"medievale", "=period"}, Word{"mittelalterlich", "=period"}, Word{"roman", "=period"},
    Word{"romano", "=period"}, Word{"romana", "=period"}, Word{"romain", "=period"}, Word{"romaine", "=period"},
    Word{"romisch", "=period"}, Word{"gothic", "=period"}, Word{"gotico", "=period"}, Word{"gotica", "=period"},
    Word{"gotisch", "=period"}, Word{"gothique", "=period"}, Word{"baroque", "=period"}, Word{"barroco", "=period"},
    Word{"barocco", "=period"}, Word{"barock", "=period"}, Word{"modern", "=period"}, Word{"moderno", "=period"},
    Word{"moderna", "=period"}, Word{"contemporary", "=period"}, Word{"contemporaneo", "=period"},
};

// Titles before a person's name ("Dom Pedro", "Doutor Pedro", "Kaiser Ludwig", "King George").
// Saints are not among them: a saint's name is what a church, its museum and its square share.
constexpr std::string_view kTitles[]{
    "dom",   "dona",   "don",    "dr",      "doutor", "doctor", "sir",      "lord",    "lady",    "king",
    "queen", "konig",  "koenig", "kaiser",  "rei",    "rainha", "re",       "roi",     "reine",   "rey",
    "reina", "prince", "princess", "principe", "prinz", "prinzessin", "infante", "infanta", "duke", "duque",
    "duca",  "herzog", "marques", "marquis", "conde",  "count",  "graf",     "emperor", "imperador", "empereur",
    "imperatore", "pope", "papa", "president", "presidente", "general", "kong", "dronning", "kung", "drottning",
};

// Articles, prepositions, conjunctions and honorifics ("Dom", "Dona" in Portuguese names).
constexpr std::string_view kStopWords[]{
    "a",    "af",   "al",   "alla", "alle", "allo", "am",   "an",   "and",  "as",  "au",   "auf",  "aux",
    "av",   "bei",  "by",   "d",    "da",   "das",  "de",   "degli", "dei", "del", "della", "delle", "dello",
    "dem",  "den",  "der",  "des",  "di",   "die",  "do",   "dom",  "don",  "dona", "dos", "du",   "e",
    "el",   "em",   "en",   "et",   "for",  "gli",  "het",  "il",   "im",   "in",  "l",    "la",   "las",
    "le",   "les",  "lo",   "los",  "na",   "nas",  "no",   "nos",  "o",    "och", "of",   "og",   "on",
    "os",   "pela", "pelo", "sur",  "the",  "to",   "und",  "van",  "ved",  "von", "vom",  "y",    "zu",
    "zum",  "zur",
};

// Kind words that end German, Nordic and Finnish compounds ("Frauenkirche", "Rundetaarn").
constexpr std::string_view kCompoundEnds[]{
    "kirche", "kirken", "kyrkan", "kirkko",  "kapelle", "turm",   "tornet", "taarn", "tarn",   "torni",
    "brunnen", "brucke", "garten", "museum", "museet",  "dom",    "schloss", "slottet", "burg", "halle",
    "saal",   "saule",  "denkmal", "tempel", "tor",     "platz",  "markt",  "haus",   "strasse", "gasse",
    "park",   "parken", "puisto", "torget", "friedhof", "bahnhof", "palast",
};

std::string_view find_token(std::string_view word, const auto& table) {
  for (const auto& [text, token] : table) {
    if (text == word) return token;
  }
  return {};
}

}  // namespace

// "dom" alone is a Portuguese honorific ("Ponte Dom Luís I") as often as a German cathedral: it is
// a stop word, and only compounds ("Liebfrauendom") count as cathedrals.
std::string_view kind_token(std::string_view folded_word) { return find_token(folded_word, kKindWords); }

std::string_view generic_token(std::string_view folded_word) { return find_token(folded_word, kGenericWords); }

bool is_title(std::string_view folded_word) {
  return std::find(std::begin(kTitles), std::end(kTitles), folded_word) != std::end(kTitles);
}

bool is_stop_word(std::string_view folded_word) {
  return std::find(std::begin(kStopWords), std::end(kStopWords), folded_word) != std::end(kStopWords);
}

std::pair<std::string, std::string_view> split_compound(std::string_view folded_word) {
  constexpr std::size_t kMinStem = 3;
  std::string_view best;
  for (const std::string_view end : kCompoundEnds) {
    if (folded_word.size() >= end.size() + kMinStem && folded_word.ends_with(end) && end.size() > best.size()) {
      best = end;
    }
  }
  if (best.empty()) return {"", ""};
  // The cathedral compounds: "Liebfrauendom", "Kaiserdom".
  const std::string_view kind = best == "dom" ? std::string_view("~cathedral") : kind_token(best);
  return {std::string(folded_word.substr(0, folded_word.size() - best.size())), kind};
}

}  // namespace core::algo
