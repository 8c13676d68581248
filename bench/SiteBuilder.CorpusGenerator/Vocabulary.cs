namespace SiteBuilder.CorpusGenerator;

/// <summary>
/// Word lists for the generated corpus. Surnames, places and acronyms are chosen so that none of them is an ordinary English
/// word, so the case-sensitive matcher never finds an entity in the filler prose by accident. Every non-ASCII letter is
/// precomposed (NFC), so the engine's normalisation leaves the text as written.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Lukas", "Sofia", "Mateo", "Elena", "Jonas", "Amira", "Tomás", "Ingrid", "Pavel", "Leila", "Marco", "Hana", "Oskar",
        "Nadia", "Rafael", "Greta", "Karim", "Ivana", "Henrik", "Chloé", "Dmitri", "Aisha", "Felix", "Marta", "Jorge", "Yuki", "Emeka",
        "Sinéad", "Viktor", "Helena", "Omar", "Zofia", "Anders", "Lucia", "Tariq", "Maren", "Stefan", "Noor", "Julien", "Katarina",
        "Samuel", "Priya", "Mikael", "Beatriz", "Goran", "Fatima", "Niklas", "Ines", "Kwame", "Astrid", "Rohan", "Teresa", "Bogdan",
        "Liesel", "Andrés", "Mei", "Olusegun", "Camille", "Jakub", "Soraya", "Elias", "Agnieszka", "Hamid", "Linnea", "Paolo",
        "Thandiwe", "Matthias", "Renata", "Kenji", "Dorota", "Arjun", "Björn", "Selin", "Ciarán", "Magdalena", "Youssef", "Annika",
    ];

    public static readonly string[] LastNames =
    [
        "Lindqvist", "Moreau", "Kowalczyk", "Haddad", "Novak", "Castellano", "Okafor", "Petrov", "Jansen", "Ferreira", "Nakamura",
        "Schreiber", "Eriksen", "Horvath", "Delacroix", "Andersson", "Rahimi", "Vasquez", "Kovač", "Oyelaran", "Lindgren", "Marchetti",
        "Dubois", "Szabo", "Kaminski", "Osei", "Bergström", "Achterberg", "Morales", "Whitcombe", "Fitzgerald", "Halvorsen", "Ivanova",
        "Takahashi", "Okonkwo", "Rinaldi", "Carvalho", "Mahmoud", "Kristiansen", "Lefebvre", "Quintero", "Adeyemi", "Hoffmann",
        "Sandoval", "Yilmaz", "Abernathy", "Novotná", "Papadopoulos", "Zielinski", "Rasmussen", "Okoro", "Bianchi", "Hashemi",
        "Lindholm", "Duarte", "Vogel", "Mendoza", "Sørensen", "Kuznetsov", "Obradović", "Fontaine", "Gallagher", "Hendriks", "Iqbal",
        "Jovanović", "Keller", "Laurent", "Mwangi", "Nieminen", "Oliveira", "Pereira", "Quiroga", "Richter", "Salonen", "Tanaka",
        "Urquhart", "Varga", "Wojcik", "Zhelev", "Abramowicz", "Brännström", "Cardoso", "Dimitriou", "Esposito", "Fleischer",
        "Grünewald", "Haugen", "Ibrahimović", "Jääskeläinen", "Kaczmarek", "Lombardi", "Magnusson", "Nwachukwu", "Ortega",
    ];

    /// <summary>Cities and regions; used for place entities and inside organisation and event names.</summary>
    public static readonly string[] Places =
    [
        "Tallinn", "Porto", "Gdansk", "Rotterdam", "Thessaloniki", "Bergen", "Valencia", "Lyon", "Turin", "Krakow", "Antwerp", "Malmö",
        "Cluj", "Ljubljana", "Brno", "Tampere", "Aarhus", "Bilbao", "Graz", "Riga", "Vilnius", "Mombasa", "Dakar", "Accra", "Cebu",
        "Da Nang", "Surabaya", "Recife", "Córdoba", "Valparaíso", "Halifax", "Winnipeg", "Adelaide", "Hobart", "Dunedin", "Kaohsiung",
        "Sapporo", "Izmir", "Tangier", "Sfax", "Durban", "Kisumu", "Arequipa", "Medellín", "Guadalajara", "Tucson", "Spokane", "Duluth",
        "Galway", "Aberdeen", "Cardiff", "Leipzig", "Dresden", "Nantes", "Lille", "Genoa", "Bari", "Seville", "Malaga", "Plovdiv",
        "Timișoara", "Novi Sad", "Kaunas", "Tartu", "Oulu", "Trondheim", "Uppsala", "Odense", "Basel", "Innsbruck", "Salzburg",
        "Bratislava", "Košice", "Szeged", "Debrecen", "Iași", "Varna", "Skopje", "Podgorica", "Tirana", "Limassol", "Haifa", "Aqaba",
        "Muscat", "Mysuru", "Pune", "Chittagong", "Penang", "Davao", "Busan", "Daegu", "Fukuoka", "Tainan", "Cuenca", "Rosario",
        "Mendoza City", "Asunción", "Curitiba", "Manaus", "Belém", "Maputo", "Beira", "Lusaka", "Windhoek", "Gaborone", "Arusha",
    ];

    public static readonly string[] PlaceSuffixes = ["Province", "Region", "Valley", "County", "Bay", "Highlands", "Delta", "Coast"];

    public static readonly string[] OrgAdjectives =
    [
        "National", "Northern", "Southern", "Eastern", "Western", "Central", "United", "Federal", "Coastal", "Continental", "Atlantic",
        "Pacific", "Baltic", "Nordic", "Alpine", "Royal", "Independent", "Metropolitan", "Regional", "Consolidated", "Allied", "Civic",
    ];

    public static readonly string[] OrgSectors =
    [
        "Energy", "Grid", "Rail", "Shipping", "Water", "Health", "Farmers", "Steel", "Mining", "Telecom", "Aviation", "Housing",
        "Fisheries", "Textile", "Pharmaceutical", "Broadcasting", "Insurance", "Logistics", "Semiconductor", "Solar", "Wind",
        "Forestry", "Tourism", "Credit", "Port", "Transit", "Nurses", "Teachers", "Dockworkers", "Hydrogen", "Battery", "Grain",
    ];

    public static readonly string[] OrgTypes =
    [
        "Authority", "Agency", "Group", "Council", "Association", "Federation", "Institute", "Foundation", "Commission", "Company",
        "Corporation", "Holdings", "Alliance", "Bank", "Trust", "Board", "Partners", "Cooperative", "Consortium", "League",
    ];

    public static readonly string[] EventTypes = ["Summit", "Conference", "Forum", "Accord", "Talks", "Floods", "Strike", "Expo", "Referendum", "Blackout"];

    public static readonly string[] Roles =
    [
        "the finance minister", "the transport minister", "the regional governor", "the city's mayor", "a senior opposition lawmaker",
        "the chief executive", "the union's general secretary", "the health minister", "a former central bank governor",
        "the chair of the parliamentary committee", "the energy minister", "a spokesperson for the ministry", "the party leader",
        "an economist", "the deputy prime minister", "the head of the regulator", "a veteran campaigner", "the prosecutor",
    ];

    public static readonly string[] Sources =
    [
        "The Harbour Gazette", "Northern Ledger", "Daily Meridian", "Continental Review", "The Civic Standard", "Coastal Courier",
        "Metro Dispatch", "The Evening Sentinel", "Capital Observer", "Riverside Chronicle", "Atlas Wire", "The Weekly Compass",
        "Frontier Times", "Pacific Monitor", "The Baltic Post", "Union Herald", "Summit Press", "The Lantern", "Plain Dealer Online",
        "Granite State Journal", "The Morning Almanac", "Tidewater Tribune", "Highland Record", "The Open Bulletin",
    ];

    public static readonly string[] JournalistFirst = ["Claire", "David", "Sara", "Michael", "Ruth", "Daniel", "Laura", "Peter", "Emma", "James", "Nora", "Adam", "Julia", "Tom", "Alice", "Ben"];

    public static readonly string[] JournalistLast = ["Whitfield", "Harrow", "Penning", "Ashdown", "Crane", "Dalton", "Everly", "Fairbairn", "Garland", "Hollis", "Ingram", "Lockhart", "Merriman", "Prescott", "Rowntree", "Thackeray"];

    public static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>A news topic: the nouns its sentences talk about and the tags its articles carry.</summary>
    public sealed record Topic(string Name, string[] Nouns, string[] Tags, string[] TitleNouns);

    public static readonly Topic[] Topics =
    [
        new("energy", ["electricity prices", "the power grid", "gas storage", "the new wind farms", "energy subsidies", "the nuclear plant", "household energy bills"],
            ["energy", "infrastructure", "prices"], ["energy prices", "grid upgrade", "wind farm", "power plant", "gas deal"]),
        new("transport", ["the rail network", "the new tram line", "bus services", "the airport expansion", "road maintenance", "ticket prices", "the port terminal"],
            ["transport", "infrastructure", "cities"], ["rail plan", "tram line", "airport expansion", "bus strike", "port terminal"]),
        new("housing", ["rents", "the housing shortage", "social housing", "mortgage rates", "building permits", "the construction sector", "evictions"],
            ["housing", "cities", "economy"], ["housing plan", "rent cap", "building permits", "mortgage rules"]),
        new("health", ["hospital waiting lists", "the vaccination campaign", "nursing staff", "emergency care", "drug prices", "the health budget", "rural clinics"],
            ["health", "public-services"], ["hospital funding", "waiting lists", "nurse shortage", "drug prices"]),
        new("elections", ["the coalition talks", "the election campaign", "voter turnout", "the party's manifesto", "postal voting", "the electoral commission's rules", "campaign financing"],
            ["elections", "politics"], ["coalition talks", "election result", "campaign pledge", "early election"]),
        new("economy", ["inflation", "public debt", "the budget deficit", "unemployment", "interest rates", "tax revenue", "wage growth"],
            ["economy", "budget"], ["budget plan", "tax reform", "inflation figures", "wage deal"]),
        new("climate", ["emissions targets", "the flood defences", "coastal erosion", "the heatwave", "carbon pricing", "the drought", "air quality"],
            ["climate", "environment"], ["climate target", "flood defences", "carbon tax", "drought measures"]),
        new("technology", ["data protection", "the broadband rollout", "artificial intelligence rules", "cyber security", "the chip factory", "digital services", "online platforms"],
            ["technology", "regulation"], ["data rules", "chip factory", "broadband plan", "cyber attack"]),
        new("agriculture", ["grain exports", "fertiliser costs", "the harvest", "farm subsidies", "water rights", "food prices", "livestock disease"],
            ["agriculture", "trade", "prices"], ["harvest forecast", "farm protest", "grain deal", "food prices"]),
        new("trade", ["export tariffs", "the trade agreement", "customs checks", "shipping costs", "supply chains", "the trade deficit", "import quotas"],
            ["trade", "economy"], ["trade deal", "tariff dispute", "export ban", "customs rules"]),
        new("courts", ["the appeal", "the corruption trial", "the constitutional court's ruling", "judicial appointments", "the inquiry", "the verdict", "legal aid"],
            ["courts", "justice", "politics"], ["court ruling", "corruption trial", "public inquiry", "appeal verdict"]),
        new("education", ["school funding", "teacher pay", "university fees", "the exam results", "school closures", "the curriculum reform", "student housing"],
            ["education", "public-services"], ["school funding", "teacher strike", "tuition fees", "curriculum reform"]),
    ];

    public static readonly string[] GeneralTags = ["analysis", "regional", "investigation", "explainer", "interview"];

    /// <summary>Sentences without an entity. {t} and {t2} are topic nouns, {n} a small number, {pct} a percentage, {m} a month, {y} a year, {d} a weekday.</summary>
    public static readonly string[] Filler =
    [
        "The debate over {t} has intensified since {m} {y}, when costs rose by {pct} percent.",
        "Officials said the changes would take effect over the next {n} months.",
        "Critics argue that the plan does little to address the underlying problems with {t}.",
        "Figures published last week showed that {n} thousand households were affected.",
        "The proposal still needs approval from regional lawmakers before it can proceed.",
        "Analysts expect further announcements before the end of the year.",
        "Several business groups have warned that {t} could become a drag on growth.",
        "It is the third time in {n} years that {t} has dominated the political agenda.",
        "According to the latest survey, {pct} percent of respondents said {t} was their main concern.",
        "The measures are expected to cost around {n}0 million euros over five years.",
        "Opposition parties said they would challenge the decision in parliament.",
        "Local residents have complained for months about {t} and the lack of information.",
        "The figures suggest that {t} and {t2} are now closely linked in voters' minds.",
        "A final decision is not expected until {m}.",
        "The committee heard evidence from more than {n} witnesses over two days.",
        "Independent experts said the timetable was ambitious but achievable.",
        "The announcement came after weeks of speculation about {t}.",
        "Negotiations are continuing, and both sides have said they hope to reach an agreement soon.",
        "The report found that spending on {t} had fallen by {pct} percent in real terms since {y}.",
        "Campaigners welcomed the move but said it had come too late for many families.",
        "The government has so far refused to publish the full assessment of {t}.",
        "Business leaders said the uncertainty was already affecting investment decisions.",
        "The changes will be reviewed after {n} years, according to the draft.",
        "Similar schemes elsewhere have produced mixed results.",
        "Turnout at the public consultation meetings was lower than expected.",
        "The plan also includes new rules on {t2}, which were added at a late stage.",
        "Union representatives said they had not been consulted before the announcement.",
        "On {d}, officials confirmed that the first payments would be made within weeks.",
        "The cost of {t} has risen faster than wages for most of the past decade.",
        "Observers noted that the debate had become unusually bitter.",
        "The latest data will be published on the first {d} of {m}.",
        "Some economists believe that {t} will remain a problem for years to come.",
    ];

    /// <summary>Sentences about one entity, by kind. {X} is the entity as written; {X's} its possessive; {role} a role.</summary>
    public static readonly string[] PersonSentences =
    [
        "{X} said the decision on {t} was \"long overdue\" and promised a review within {n} weeks.",
        "Speaking to reporters on {d}, {X} declined to give a timetable.",
        "{X} has repeatedly called for more spending on {t}.",
        "{X's} spokesperson said no final decision had been made.",
        "In a statement, {X} described the figures as \"deeply worrying\".",
        "Allies of {X} say the proposal has broad support among lawmakers.",
        "{X}, {role}, said the government would not be rushed into a decision.",
        "Asked about {t}, {X} said: \"We will set out our plans in due course.\"",
        "{X's} critics say the approach has been inconsistent.",
        "The plan bears the hallmarks of {X}, who has championed reform of {t} for years.",
        "{X} is expected to face questions on {t} when parliament returns.",
        "Supporters of {X} gathered outside the building on {d} evening.",
    ];

    public static readonly string[] OrganizationSentences =
    [
        "{X} said it would publish a detailed response next month.",
        "A spokesperson for {X} said the organisation was \"studying the proposal carefully\".",
        "{X's} annual report put the cost of {t} at {n} million euros.",
        "The plan was drawn up with help from {X}.",
        "{X} has warned that {t} could deteriorate further without new investment.",
        "Shares in companies linked to {X} fell after the announcement.",
        "{X} did not respond to a request for comment.",
        "In a letter seen by reporters, {X} urged ministers to reconsider.",
        "Members of {X} will vote on the proposal in {m}.",
    ];

    public static readonly string[] PlaceSentences =
    [
        "In {X}, local officials reported {n} hundred complaints about {t} in the first quarter alone.",
        "{X's} city council is expected to vote on the measure in {m}.",
        "Residents of {X} have protested against the plans for weeks.",
        "The situation in {X} is seen as a test case for the rest of the country.",
        "Hundreds of people marched through central {X} on {d}.",
        "Officials in {X} said {t} had improved slightly since {y}.",
        "The project in {X} has been delayed several times.",
    ];

    public static readonly string[] EventSentences =
    [
        "The issue dominated discussions at the {X} earlier this year.",
        "Delegates at the {X} agreed to revisit the targets for {t}.",
        "Since the {X}, little progress has been made on {t}.",
        "The {X} was widely seen as a turning point.",
        "Organisers of the {X} said attendance had exceeded expectations.",
    ];

    public static readonly string[] Quotes =
    [
        "We cannot keep postponing decisions on {t}. People are paying the price every single day.",
        "This is not the end of the road. We will keep talking until we have an agreement that works for everyone.",
        "The numbers speak for themselves, and they are not good.",
        "Nobody wants a confrontation, but we will defend the interests of the people we represent.",
        "It is a step in the right direction, but it is only a first step.",
        "We were promised action on {t} years ago, and we are still waiting.",
        "There is no simple solution, and anyone who says otherwise is not being honest.",
    ];

    public static readonly string[] ListIntros =
    [
        "The main points of the plan are:",
        "What we know so far:",
        "The proposal includes:",
        "Key figures from the report:",
        "The next steps, according to officials:",
    ];

    public static readonly string[] ListItems =
    [
        "A review of {t} within {n} months",
        "New funding of {n} million euros for {t2}",
        "Stricter reporting rules for {t}",
        "An independent panel to oversee {t2}",
        "A cap on increases in {t} of {pct} percent a year",
        "Public hearings in {m}",
        "Compensation for those affected by {t}",
        "A pilot scheme in {n} districts",
        "Annual progress reports to parliament",
        "A freeze on new fees until {y}",
    ];

    public static readonly string[] Headings =
    [
        "What happened", "Background", "Reaction", "What comes next", "The numbers", "Local impact", "Political fallout",
        "Why it matters", "Industry response", "A long dispute", "The view from the ground", "Questions remain", "Costs and benefits",
    ];

    public static readonly string[] LinkSentences =
    [
        "The findings were set out in [a report published on {d}]({url}).",
        "Details of the proposal are available [on the official website]({url}).",
        "The full text of the agreement [has been published online]({url}).",
    ];

    public static readonly string[] InternalLinkSentences =
    [
        "The dispute follows [earlier reporting on the issue]({url}).",
        "As [reported previously]({url}), the talks had stalled for months.",
        "The decision revives questions raised [in an earlier article]({url}).",
    ];

    /// <summary>Title templates. {X} is the article's lead entity, {tn} a title noun of its topic.</summary>
    public static readonly string[] Titles =
    [
        "{X} under pressure over {tn}",
        "{X} warns of delays to {tn}",
        "Questions mount over {tn} as {X} stays silent",
        "{X} backs {tn} despite criticism",
        "What the {tn} means for {X}",
        "{X} and the fight over {tn}",
        "Critics round on {X} over {tn}",
        "{X} signals shift on {tn}",
        "New doubts over {tn} after {X} intervention",
        "{X} faces deadline on {tn}",
    ];
}
