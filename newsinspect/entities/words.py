"""Small hand-written word lists: English grammar and naming conventions, not a gazetteer.

Place and person names come from data packages (see ``gazetteers``); these lists only hold the
closed-class words that decide where a name starts and ends and what kind of thing it names.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised only because they open a sentence or a heading; never a name on their own.
FUNCTION_WORDS = _words(
    """
    a an the this that these those there here then than thus so such some any all each every both either
    neither no not nor none one two three four five six seven eight nine ten first second third last next i
    i'm i've i'd i'll me my mine we we're we've us our ours you you're your yours he he's him his she she's
    her hers it it's its they they're they've them their theirs who whom whose what which when where why how
    whatever whoever however whenever wherever in on at by for from to of off out over under into onto upon
    with without within about above below after before during since until till while as if unless because
    though although whether despite between among against along across around through throughout toward
    towards via per like unlike near and but or yet also still even just only already again ever never
    always often sometimes perhaps maybe indeed instead meanwhile moreover furthermore nevertheless
    nonetheless otherwise therefore hence earlier later today tonight tomorrow yesterday now soon recently
    currently finally eventually initially originally previously subsequently additionally overall
    altogether anyway besides is are was were be been being am do does did done have has had having will
    would shall should can could may might must let lets yes no ok okay oh well please thanks thank hello
    dear sir madam mr mrs ms dr prof st many much more most few fewer less least several other others
    another same own according asked said says say told tells added noted photo image file update updated
    read watch listen share advertisement related
    """
)

WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = _words(
    """
    january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec
    """
)
# Date and time words that are capitalised in English but name no entity.
DATE_WORDS = WEEKDAYS | MONTHS

# Role titles written before a person's name ("President Vladimir Putin", "Dr. Jane Roe").
TITLES = _words(
    """
    president vice-president minister secretary senator sen rep representative congressman congresswoman
    governor gov mayor judge justice chairman chairwoman chair chief ceo cfo coo cto founder director
    manager commissioner ambassador envoy spokesman spokeswoman spokesperson chancellor premier king queen
    prince princess emperor empress pope cardinal bishop archbishop rabbi imam reverend rev father sister
    brother general gen colonel col major maj captain capt lieutenant lt sergeant sgt admiral adm commander
    cmdr officer detective inspector superintendent sheriff marshal agent professor prof dr doctor mr mrs ms
    miss mx sir dame lord lady analyst researcher scientist economist lawyer attorney counsel coach striker
    midfielder defender goalkeeper speaker leader head deputy assistant associate acting interim former late
    mp mep administrator activist author writer journalist reporter photographer artist actor actress
    singer player designer candidate nominee curator columnist editor publisher producer councillor
    councilor councilman councilwoman alderman
    """
)

# Words naming a portfolio or branch inside a title ("Defense Minister", "Secretary of State").
PORTFOLIO_WORDS = _words(
    """
    state defense defence foreign interior justice finance health education energy agriculture commerce
    labor labour treasury transport transportation affairs home security trade economy economic environment
    culture science technology communications information tourism sports development prime executive general
    attorney national public army navy air force police military
    """
)

# Last words that make a name an organisation ("Carnegie Endowment", "Moscow Times", "Acme Inc.").
ORG_SUFFIXES = _words(
    """
    inc inc. corp corp. corporation co co. company companies ltd ltd. llc plc gmbh ag sa group holdings
    partners associates industries enterprises technologies systems solutions labs laboratories council
    ministry department agency bureau office commission committee board authority administration service
    services institute institution foundation endowment fund trust society association federation union
    league alliance coalition organisation organization network movement front party university college
    school academy times post news journal herald tribune gazette courier studio studios research
    telegraph guardian chronicle press review magazine observer independent daily weekly today monitor
    register star sun mail express standard radio tv television channel broadcasting media wire bank court
    parliament congress senate assembly cabinet government army navy forces force corps police guard
    militia brigade regiment battalion division command club team fc united church diocese library clinic
    airlines airways lines motors
    """
)

# Head words that start organisation names ("University of Helsinki", "Ministry of Defence").
ORG_HEADS = _words(
    """
    university college school academy institute ministry department bureau office council committee
    commission board bank church museum house order society association federation league union court agency
    centre center federal national international
    """
)

# Last words of geographic features (LOC), facilities (FAC) and administrative areas (GPE).
LOC_SUFFIXES = _words(
    """
    river mountain mountains mount lake sea ocean gulf bay island islands isles valley desert peninsula
    strait straits canyon coast forest basin plateau plain plains glacier reef delta cape highlands
    """
)
LOC_HEADS = _words("mount lake cape gulf isle bay")
FAC_SUFFIXES = _words(
    """
    museum gallery hospital centre center planetarium hotel base memorial mosque zoo park
    airport bridge street st avenue ave road rd boulevard square stadium arena palace tower towers building
    hall station port harbour harbor dam highway motorway tunnel prison cathedral temple
    """
)
GPE_SUFFIXES = _words(
    """
    city county province state district region republic kingdom oblast prefecture
    """
)
EVENT_SUFFIXES = _words(
    """
    war games olympics cup championship summit festival conference election
    """
)

# Compass points: "the North", "the West" name regions.
DIRECTIONS = _words("north south east west")

# Lower-case words that may sit inside a name between capitalised words.
CONNECTORS = _words(
    """
    of for and & de del della di da du des la le van von der den al el bin ibn y
    """
)
# Connectors that may follow another connector ("Bank of the West").
SECOND_CONNECTORS = frozenset({"the"})

# Collective political and religious groups written as adjectives or plurals (NORP).
GROUP_WORDS = _words(
    """
    western eastern northern southern arab latin muslim muslims christian christians
    jewish jews catholic catholics protestant hindu buddhist sikh sunni shia shiite kurdish kurds democrat
    democrats democratic republican republicans conservative conservatives liberal liberals socialist
    socialists communist communists labour tory tories islamist islamists
    """
)

# Verbs of speaking: a capitalised sequence right before one is most likely a person.
SPEECH_VERBS = _words(
    """
    said says told tells added asked explained wrote noted argued claimed insisted
    """
)

# Abbreviations whose period belongs to the word.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof st sen rep gov gen col capt lt sgt adm cmdr rev jr sr inc corp co ltd no vs mt ft
    """
)
