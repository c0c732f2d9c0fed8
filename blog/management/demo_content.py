"""The words of the demo publication: invented columnists, sections, tags and posts.

Every name, column and quotation here is made up for the demo. Prose is written across
several lines for reading; typeset() puts it on one line with typographic quotes.
Links inside prose use [[category:<slug>|text]] or [[tag:<slug>|text]], where the slug
"*" means the post's own category; load_demo turns them into real addresses.
"""

import re
from dataclasses import dataclass

PUBLICATION_EVENT = "ServiceCon"
EVENT_DAYS_AGO = 250
EVENT_TAG = "EVENT"  # stands for the hashtag of that year's conference, e.g. "servicecon26"


def typeset(text: str) -> str:
    """Return text on one line, with curly apostrophes and single quotes."""
    text = " ".join(text.split())
    text = re.sub(r"(^|[\s(“])'", "\\1‘", text)
    return text.replace("'", "’")


def event_tag(year: int) -> str:
    """Name the conference hashtag of a year, the way attendees type it."""
    return f"{PUBLICATION_EVENT.lower()}{year % 100:02d}"


@dataclass(frozen=True)
class Columnist:
    username: str
    first_name: str
    last_name: str
    slug: str
    tagline: str
    introduction: str
    rhythm: str
    is_active: bool = True

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class PostSpec:
    title: str
    author: str  # a columnist's slug
    category: str  # a category's slug
    tags: tuple[str, ...]
    lead: str
    days_ago: int | None  # None: a draft; negative: scheduled for the future
    excerpt: str = ""
    is_featured: bool = False
    has_image: bool = False


# The first columnist logs in as "author"; the others have no usable password.
COLUMNISTS = [
    Columnist(
        username="author",
        first_name="Maria",
        last_name="Okafor",
        slug="maria-okafor",
        tagline="Running a thirty-seat service desk, and writing down what it teaches me.",
        introduction="""Maria runs the service desk of a housing association in the north of
        England, where the phones start ringing at half past seven. She writes about queues,
        rotas and the small habits that make a help desk feel human. Before managing the desk
        she spent eight years answering its phone.""",
        rhythm="every Wednesday",
    ),
    Columnist(
        username="tomasz.wisniewski",
        first_name="Tomasz",
        last_name="Wiśniewski",
        slug="tomasz-wisniewski",
        tagline="Change boards, release windows and the art of saying 'not tonight'.",
        introduction="""Tomasz chairs the change advisory board of a parcel logistics company
        that moves two million packages a day. He believes a good change process is mostly
        about noticing collisions early. He lives in Leeds and cycles to work in all
        weathers.""",
        rhythm="fortnightly on Mondays",
    ),
    Columnist(
        username="priya.raman",
        first_name="Priya",
        last_name="Raman",
        slug="priya-raman",
        tagline="Reading the standard so you don't have to, then persuading you to read it.",
        introduction="""Priya is a lead auditor for service management systems and has
        examined more than a hundred organisations against ISO/IEC 20000. She writes about
        standards and frameworks for people who have to make them work on a Tuesday
        afternoon.""",
        rhythm="on the first Tuesday of the month",
    ),
    Columnist(
        username="declan.byrne",
        first_name="Declan",
        last_name="Byrne",
        slug="declan-byrne",
        tagline="Contracts, outsourcing and keeping several suppliers pulling one way.",
        introduction="""Declan advises public bodies and companies on sourcing IT services,
        from the first tender to the last day of an exit. He has sat on both sides of the
        negotiating table and still enjoys the argument. He writes from Dublin.""",
        rhythm="every other Thursday",
    ),
    Columnist(
        username="aiko.tanaka-hughes",
        first_name="Aiko",
        last_name="Tanaka-Hughes",
        slug="aiko-tanaka-hughes",
        tagline="Knowledge bases that get read, and the writing behind them.",
        introduction="""Aiko leads knowledge management for a university IT service with
        forty thousand students and staff. She is interested in how people look for help and
        why they so often fail to find it. She trained as a librarian before moving into
        IT.""",
        rhythm="every Friday morning",
    ),
    Columnist(
        username="samuel.mensah",
        first_name="Samuel",
        last_name="Mensah",
        slug="samuel-mensah",
        tagline="Where cloud operations, automation and service management meet.",
        introduction="""Samuel runs cloud operations for a payments company with teams in
        Accra and London. He writes about the meeting point of engineering practice and
        service management, and about the arguments each side keeps having with the other.
        He is cautiously optimistic about automation.""",
        rhythm="most Tuesdays",
    ),
    Columnist(
        username="lucia.fernandez",
        first_name="Lucía",
        last_name="Fernández",
        slug="lucia-fernandez",
        tagline="Problem management, measurement and the questions numbers cannot answer.",
        introduction="""Lucía is head of problem management at a retail bank in Madrid. She
        writes about root causes, the metrics that help and the ones that quietly do harm.
        She reads post-incident reports the way other people read detective novels.""",
        rhythm="every Monday",
    ),
    Columnist(
        username="henrik.lindqvist",
        first_name="Henrik",
        last_name="Lindqvist",
        slug="henrik-lindqvist",
        tagline="Thirty-four years in IT operations, from mainframe nights to service strategy.",
        introduction="""Henrik wrote for this publication for twelve years, from his early
        days as an operations manager in Gothenburg to his last role as a service strategy
        consultant. He has retired, but his columns remain here for anyone who wants a long
        view of the field.""",
        rhythm="monthly, until his retirement",
        is_active=False,
    ),
    Columnist(
        username="fatima.alsayed",
        first_name="Fatima",
        last_name="Al-Sayed",
        slug="fatima-al-sayed",
        tagline="Careers, coaching and looking after the people who look after IT.",
        introduction="""Fatima began her career on the night shift of a bank's data centre and
        now coaches service teams across Europe and the Gulf. She writes about hiring,
        growing and keeping good people. She is also a regular at industry conferences,
        usually in the corridor rather than the keynote hall.""",
        rhythm="every second Wednesday",
    ),
    Columnist(
        username="grace.whitfield",
        first_name="Grace",
        last_name="Whitfield",
        slug="grace-whitfield",
        tagline="A public-sector CIO on governance, budgets and the people who make IT work.",
        introduction="""Grace has been chief information officer of a county council for six
        years. She writes about governance, leadership and spending public money carefully.
        She is suspicious of slogans and fond of plain English.""",
        rhythm="monthly, usually on a Thursday",
    ),
    Columnist(
        username="ravi.chaudhary",
        first_name="Ravi",
        last_name="Chaudhary",
        slug="ravi-chaudhary",
        tagline="Release engineering for people who would rather ship on a Tuesday.",
        introduction="""Ravi leads release engineering for an online travel company, where his
        team deploys to production dozens of times a day. He writes about pipelines,
        feature flags and making fast change safe. Before that he was, in his own words, a
        reluctant change manager.""",
        rhythm="every Thursday",
    ),
    Columnist(
        username="nomvula.dlamini",
        first_name="Nomvula",
        last_name="Dlamini",
        slug="nomvula-dlamini",
        tagline="Service levels, customer experience and what lies between the two.",
        introduction="""Nomvula is a service level manager for an insurer in Johannesburg and
        organises a local user group for service management practitioners. She writes about
        agreements, surveys and listening to customers. She has strong opinions about
        dashboards that are entirely green.""",
        rhythm="fortnightly on Fridays",
    ),
]

# (username, first name, last name, group); each logs in with their username as password.
STAFF = [
    ("editor", "Joanna", "Pryce", "Editors"),
    ("moderator", "Tunde", "Bakare", "Moderators"),
]
SUPERUSER = "admin"

CATEGORIES = [
    (
        "Service desk",
        "service-desk",
        "The front line of IT support: queues, calls, chat, rotas and the people who answer them.",
    ),
    (
        "Change and release",
        "change-and-release",
        "How changes are weighed, scheduled and shipped without waking anyone at three in "
        "the morning.",
    ),
    (
        "Standards and frameworks",
        "standards-and-frameworks",
        "ITIL, ISO/IEC 20000, COBIT and their neighbours, read by people who have had to "
        "apply them.",
    ),
    (
        "Suppliers and sourcing",
        "suppliers-and-sourcing",
        "Contracts, outsourcing, multi-supplier integration and keeping partners honest.",
    ),
    (
        "Careers and people",
        "careers-and-people",
        "Hiring, training, rotas, burnout and building a working life in service management.",
    ),
    (
        "General news",
        "general-news",
        "Anything worth knowing from the wider industry that has no home in the other sections.",
    ),
]

TAGS = [
    "itil", "service-desk", "change", "metrics", "iso-20000", "outsourcing", "cloud",
    "career", "sla", "knowledge-management", "siam", "devops", "problem-management",
    "automation", "customer-experience", "training", "major-incidents", "governance",
    "release", "ai",
]  # fmt: skip

PUBLISHED = [
    PostSpec(
        title="Watermelon SLAs: green outside, red inside",
        author="nomvula-dlamini",
        category="suppliers-and-sourcing",
        tags=("sla", "metrics", "customer-experience"),
        days_ago=0,
        is_featured=True,
        has_image=True,
        excerpt="""Every target met, every branch unhappy. How to find what an all-green
        service report leaves out.""",
        lead="""Every month our supplier's report arrived with every service level in green,
        and every month the people in our branches told us the systems were slow, the fixes
        were late and nobody called them back. Both statements were true. The agreement
        measured what was easy to measure, the supplier met it, and the customer's
        experience fell through the gap between the two.""",
    ),
    PostSpec(
        title="What a Monday morning queue really tells you",
        author="maria-okafor",
        category="service-desk",
        tags=("service-desk", "metrics"),
        days_ago=3,
        has_image=True,
        excerpt="""Before the dashboards and the stand-up, forty minutes with the raw list of
        tickets tells a desk manager what kind of week it will be.""",
        lead="""Every Monday at half past seven I make a cup of tea and read the queue before
        I read my email. Not the dashboard: the queue itself, the titles people typed, the
        times they typed them, the tickets that were reopened over the weekend. Forty minutes
        with that list tells me more about the week ahead than any report we produce, and I
        have stopped apologising for the habit.""",
    ),
    PostSpec(
        title="Not tonight: when a change board earns its keep",
        author="tomasz-wisniewski",
        category="change-and-release",
        tags=("change", "governance"),
        days_ago=12,
        is_featured=True,
        has_image=True,
        excerpt="""A late 'no' from the change board, a payroll run nobody had mentioned, and
        the difference between a board that blocks and one that sees.""",
        lead="""Last Tuesday our change advisory board said no to a database upgrade forty
        minutes before the window opened. The team was unhappy, the supplier was unhappier,
        and I went home wondering whether we had just become the bureaucracy everyone jokes
        about. By Thursday we knew the upgrade would have collided with a payroll run nobody
        had put on the calendar. This column is about the difference between a board that
        blocks and a board that sees.""",
    ),
    PostSpec(
        title="From the phones to the problem board: a career map",
        author="fatima-al-sayed",
        category="careers-and-people",
        tags=("career", "training", "service-desk"),
        days_ago=20,
        is_featured=True,
        has_image=True,
        excerpt="""The desk is not something to escape: it is where you learn how an
        organisation really works. How to turn that into your next role.""",
        lead="""People who start on the service desk are often told it is a stepping stone,
        as if the point were to leave it. I started on the phones, and so did most of the
        best problem managers, architects and service owners I know. The desk is where you
        learn how an organisation actually uses its technology. The question is how to turn
        that knowledge into the next role without waiting for someone to notice you.""",
    ),
    PostSpec(
        title="Reading ISO/IEC 20000 slowly, one clause at a time",
        author="priya-raman",
        category="standards-and-frameworks",
        tags=("iso-20000", "governance"),
        days_ago=25,
        has_image=True,
        excerpt="""A slow reading of the service management standard, at book-club pace,
        starting with what it asks for and what it deliberately leaves open.""",
        lead="""Most people meet ISO/IEC 20000-1 the way they meet a tax form: in a hurry,
        looking for the boxes they must tick. I would like to suggest another approach. Over
        the coming months I am going to read the standard clause by clause in this column,
        at the pace of a book club, and talk about what each part asks for, what it does
        not, and where organisations tend to over-engineer their answer.""",
    ),
    PostSpec(
        title="Problem management is the practice everyone skips",
        author="lucia-fernandez",
        category="standards-and-frameworks",
        tags=("problem-management", "itil"),
        days_ago=35,
        excerpt="""There is a form for it in every tool, so everyone believes they do it.
        Counting permanent fixes tells a different story.""",
        lead="""Ask a room of service managers whether they do problem management and nearly
        every hand goes up. Ask how many problems they closed last quarter with a permanent
        fix, and the hands come down fast. Problem management is the practice organisations
        believe they run because there is a form for it in the tool. In most places I have
        worked, the form was the whole of it.""",
    ),
    PostSpec(
        title="The case for answering the phone",
        author="maria-okafor",
        category="service-desk",
        tags=("service-desk", "customer-experience"),
        days_ago=45,
        lead="""Every budget round someone suggests we switch the phone line off and send
        everyone to the portal. I understand the arithmetic. A call costs more than a form,
        and a form leaves a tidy record. But the people who ring us are rarely the people who
        could have filled in the form: they are the ones whose laptop will not start, whose
        screen reader has stopped talking, or who have tried the portal twice and given
        up.""",
    ),
    PostSpec(
        title="What the AI noise means for a forty-seat desk",
        author="grace-whitfield",
        category="general-news",
        tags=("ai", "automation", "service-desk"),
        days_ago=50,
        has_image=True,
        excerpt="""Past the vendor briefings, a practical question: what should an ordinary
        service desk actually do about AI this year?""",
        lead="""Every vendor briefing I attend this year begins with artificial intelligence,
        and most of them end there too. Meanwhile the service desk managers I talk to are
        asking a far more practical question: what, concretely, should a forty-seat desk do
        about it in the next twelve months? I do not have a grand answer, but I do have a
        short one.""",
    ),
    PostSpec(
        title="Release notes nobody reads, and how to fix that",
        author="ravi-chaudhary",
        category="change-and-release",
        tags=("release", "devops", "service-desk"),
        days_ago=60,
        has_image=True,
        lead="""We publish release notes for every deployment of our customer platform, and
        for a long time they were a list of ticket numbers followed by whatever titles the
        developers had given them. 'Refactor auth middleware.' 'Fix null check.' Nobody on
        the service desk could tell from those notes what a caller might notice, and so
        nobody on the service desk read them. A small rewrite changed that.""",
    ),
    PostSpec(
        title="Three questions before you sign the renewal",
        author="declan-byrne",
        category="suppliers-and-sourcing",
        tags=("outsourcing", "governance"),
        days_ago=75,
        lead="""Renewals arrive at the worst time, usually three months before expiry, when
        the incumbent knows that switching is no longer realistic and procurement is busy
        with something else. I have negotiated more than forty of them, on both sides of the
        table, and I now insist on answering three questions before anyone mentions
        price.""",
    ),
    PostSpec(
        title="A virtual agent joined the desk: notes from its first quarter",
        author="samuel-mensah",
        category="service-desk",
        tags=("automation", "ai", "service-desk"),
        days_ago=90,
        has_image=True,
        lead="""Three months ago we put a conversational agent in front of our chat channel.
        I promised the team an honest account rather than a vendor case study, so here it
        is: it handles a respectable share of simple requests, it is confidently wrong more
        often than anyone would like, and the biggest change it made was not to the queue
        but to the way we write our knowledge base.""",
    ),
    PostSpec(
        title="Burnout arrives as a backlog",
        author="fatima-al-sayed",
        category="careers-and-people",
        tags=("career", "service-desk"),
        days_ago=125,
        has_image=True,
        excerpt="""Nobody announces that they are exhausted. The signs are in the queue long
        before they are in the resignation letters.""",
        lead="""Burnout on a support team rarely announces itself. Nobody stands up to say
        they are exhausted. Instead the backlog grows a little each week, sick days cluster
        around Mondays, the quietest person on the team stops joining the coffee run, and
        someone who used to write careful notes starts closing tickets with a single word.
        By the time a manager notices, two people have started looking for other jobs.""",
    ),
    PostSpec(
        title="Standard changes are a promise, not a loophole",
        author="tomasz-wisniewski",
        category="change-and-release",
        tags=("change", "itil"),
        days_ago=140,
        lead="""Whenever a team discovers standard changes, there is a brief golden age in
        which everything becomes one. Certificates renewed, firewall rules opened, a database
        patched, a server built: all pre-approved, all waved through. Then something goes
        wrong, the board withdraws the privilege from everyone, and the pendulum swings back
        to a three-week wait for a routine task. There is a better way to run the catalogue
        of standard changes.""",
    ),
    PostSpec(
        title="The outage everyone read about, and the lessons nobody wrote down",
        author="lucia-fernandez",
        category="general-news",
        tags=("major-incidents", "problem-management", "cloud"),
        days_ago=150,
        has_image=True,
        lead="""When a large provider has a bad day, the whole industry reads the
        post-incident report with a mixture of sympathy and relief. We pass it around, quote
        the best paragraph and say we must check our own systems. Then the week moves on.
        This time I decided to do the unglamorous follow-up with my own team and count how
        many of the report's lessons applied to us.""",
    ),
    PostSpec(
        title="Chat is not a cheaper phone",
        author="maria-okafor",
        category="service-desk",
        tags=("service-desk", "customer-experience", "automation"),
        days_ago=160,
        excerpt="""Three chats at once sounds efficient on a spreadsheet. On the desk it sounds
        like three people waiting.""",
        lead="""When we opened a chat channel, the business case assumed an analyst could hold
        three conversations at once and so do the work of three phone lines. It took us about
        a fortnight to learn that the assumption was wrong, and about a year to stop planning
        as if it were true. Chat is a different conversation with a different rhythm, and it
        deserves its own staffing model.""",
    ),
    PostSpec(
        title="SIAM without the slide deck",
        author="declan-byrne",
        category="suppliers-and-sourcing",
        tags=("siam", "outsourcing"),
        days_ago=170,
        has_image=True,
        excerpt="""Several suppliers, one service: strip away the diagrams and multi-supplier
        integration starts with ownership and shared rules.""",
        lead="""Service integration and management has acquired a reputation as something you
        buy from a large consultancy in a programme lasting two years. Strip away the
        diagrams and it comes down to a simple idea: when several suppliers deliver parts of
        one service, someone must own the whole, and everybody must work to the same rules of
        engagement. You can start on that next Monday.""",
    ),
    PostSpec(
        title="Your first surveillance audit: what the auditor wants to see",
        author="priya-raman",
        category="standards-and-frameworks",
        tags=("iso-20000", "governance"),
        days_ago=190,
        lead="""Certification is the party; the surveillance audit a year later is the morning
        after. I sit on both sides of that table, and the commonest thing I see is an
        organisation that prepared brilliantly for certification and then put the binder on
        a shelf. The surveillance auditor is not hunting for the binder. They want evidence
        that the system kept running while nobody was watching.""",
    ),
    PostSpec(
        title="Hiring for curiosity over certificates",
        author="grace-whitfield",
        category="careers-and-people",
        tags=("career", "training"),
        days_ago=205,
        excerpt="""A recruiter screened her out for lack of certificates. She went on to
        rebuild the major incident process.""",
        lead="""The most effective service manager I ever hired had no certificates at all.
        She had run the logistics of a touring theatre company and could explain, in detail,
        how she got a set, a cast and a crew to a new city every week without anyone missing
        a cue. I hired her against the advice of a recruiter who had screened her out, and she
        went on to rebuild our major incident process.""",
    ),
    PostSpec(
        title="Writing knowledge articles at the speed of the call",
        author="aiko-tanaka-hughes",
        category="service-desk",
        tags=("knowledge-management", "service-desk"),
        days_ago=210,
        has_image=True,
        lead="""The best knowledge article I have ever read was four lines long and written by
        an analyst while the caller was still on hold. It had a typo in the title. It was
        used eleven hundred times in a term. Meanwhile the beautifully formatted guide our
        team spent a month polishing has been opened nine times, five of them by me.""",
    ),
    PostSpec(
        title="Feature flags belong in the change record",
        author="ravi-chaudhary",
        category="change-and-release",
        tags=("change", "devops", "release"),
        days_ago=230,
        excerpt="""When code ships switched off, the risky moment moves from the deployment to
        the flag. The change process should move with it.""",
        lead="""Our deployments became boring last year, which is exactly what we wanted. Code
        now reaches production switched off, and the moment a customer sees something new is
        the moment someone flips a flag. The trouble was that our change process still
        watched the deployment, the event that no longer mattered, and ignored the flag,
        which had quietly become the riskiest thing we do.""",
    ),
    PostSpec(
        title="Satisfaction surveys people actually answer",
        author="nomvula-dlamini",
        category="service-desk",
        tags=("customer-experience", "metrics"),
        days_ago=235,
        lead="""Our old satisfaction survey had fourteen questions and a response rate a
        little under three per cent. The people who answered were either delighted or
        furious, with almost nobody in between. We replaced it with a single question and a
        free-text box, sent at a better moment, and within a month the response rate had
        passed twenty per cent. The answers became far more useful, too.""",
    ),
    PostSpec(
        title="What I heard at ServiceCon, and what I did not",
        author="fatima-al-sayed",
        category="general-news",
        tags=(EVENT_TAG, "career", "training"),
        days_ago=EVENT_DAYS_AGO,
        has_image=True,
        excerpt="""Three days of talks on growing the next generation of service people, and a
        more complicated answer than expected.""",
        lead="""Three days, two keynote halls, a few thousand practitioners and more lanyards
        than a small airport: ServiceCon is over for another year, and I am home with a
        notebook full of scribbles and a sore throat. I went to listen for one theme in
        particular, how we grow the next generation of service people, and came back with a
        more complicated answer than I expected.""",
    ),
    PostSpec(
        title="ServiceCon day one: the standards track",
        author="priya-raman",
        category="general-news",
        tags=(EVENT_TAG, "iso-20000"),
        days_ago=EVENT_DAYS_AGO,
        lead="""The standards track at ServiceCon is traditionally the quietest room in the
        building, which is why I like it. This year it was standing room only by the second
        session, and the questions from the floor were sharper than I have heard in years.
        Here is a short report from the first day, finished on the train home before the
        details blur.""",
    ),
    PostSpec(
        title="The best ServiceCon session happened in the corridor",
        author="samuel-mensah",
        category="general-news",
        tags=(EVENT_TAG, "cloud", "major-incidents"),
        days_ago=EVENT_DAYS_AGO,
        excerpt="""A release manager, a hospital service desk lead and a payments engineer walk
        into a coffee queue, and argue about who gets woken up.""",
        lead="""The formal programme was good this year, but the most useful hour I spent at
        ServiceCon was unscheduled. It happened beside a coffee urn, with a release manager
        from a retailer, a service desk lead from a hospital trust and an engineer from a
        payments company, all arguing cheerfully about who should be woken up when a cloud
        region goes down.""",
    ),
    PostSpec(
        title="Cloud bills are a supplier relationship too",
        author="samuel-mensah",
        category="suppliers-and-sourcing",
        tags=("cloud", "outsourcing"),
        days_ago=265,
        has_image=True,
        excerpt="""Treat a cloud provider as a utility and the invoice becomes the only
        conversation you have with it.""",
        lead="""When we moved our workloads to a public cloud provider, procurement treated it
        as a utility, like electricity. There was no supplier manager, no quarterly review
        and nobody who read the invoice beyond checking the total. Eighteen months later the
        total had tripled, and nobody could explain a third of it.""",
    ),
    PostSpec(
        title="Managers who still take a shift on the desk",
        author="maria-okafor",
        category="careers-and-people",
        tags=("career", "service-desk"),
        days_ago=280,
        excerpt="""One shift a month on the phones: what it costs a manager's diary, and what
        it teaches that no report can.""",
        lead="""Once a month I log in to the phone queue and take calls for a full shift, like
        any other analyst. My diary protests, and occasionally so does my boss. I keep doing
        it because every shift teaches me something the reports cannot, and because the team
        notices which managers know what the job feels like this week rather than five years
        ago.""",
    ),
    PostSpec(
        title="Shift rotas that people can live with",
        author="fatima-al-sayed",
        category="careers-and-people",
        tags=("service-desk", "career"),
        days_ago=300,
        lead="""I once coached a team whose rota had been built by a scheduling tool, approved
        by finance and hated by everyone who worked it. It covered every hour of the week
        with exactly the right number of people, and it cost the desk four of its best
        analysts in six months. The rota had been optimised for the queue; nobody had asked
        it to be optimised for the humans.""",
    ),
    PostSpec(
        title="COBIT for people who think they do not need it",
        author="grace-whitfield",
        category="standards-and-frameworks",
        tags=("governance", "itil"),
        days_ago=300,
        has_image=True,
        excerpt="""Governance frameworks sound like paperwork for auditors. Underneath, they
        answer the question most service teams never name: who decides?""",
        lead="""When I mention COBIT to service managers, I usually get the look people give a
        reminder from the dentist. It sounds like something for auditors and boards, full of
        matrices and capability levels. Having been a public-sector CIO for six years, I think
        it answers a question most service teams struggle with and rarely name: who decides,
        and on what basis?""",
    ),
    PostSpec(
        title="What a deployment pipeline cannot approve for you",
        author="ravi-chaudhary",
        category="change-and-release",
        tags=("devops", "change", "automation"),
        days_ago=310,
        lead="""Our pipeline runs eleven hundred automated tests, scans dependencies, checks
        the infrastructure plan against policy and refuses to deploy if any of that fails. It
        is very good at telling us whether a change is built correctly. It has no idea
        whether the change is a good idea, whether the support team knows it is coming, or
        whether it lands on the same morning as a marketing campaign.""",
    ),
    PostSpec(
        title="Search logs are the survey you never had to send",
        author="aiko-tanaka-hughes",
        category="service-desk",
        tags=("knowledge-management", "customer-experience"),
        days_ago=330,
        excerpt="""People tell you what they need, in their own words, every time they search.
        Reading the log costs less than any survey.""",
        lead="""Every time someone types into the search box on our support portal, they tell
        us exactly what they were trying to do, in their own words, at the moment they needed
        help. Most organisations throw that record away or never look at it. I spent a term
        reading ours every Friday, and it changed which articles we write and what we call
        them.""",
    ),
    PostSpec(
        title="Exit clauses are written for the bad day",
        author="declan-byrne",
        category="suppliers-and-sourcing",
        tags=("outsourcing", "governance"),
        days_ago=330,
        lead="""Nobody wants to talk about the end of a relationship while signing the start
        of it. That is exactly why exit clauses are so often the thinnest part of an
        outsourcing contract: a paragraph promising 'reasonable assistance' and a schedule
        to be agreed later. Later always arrives, and it usually arrives angry.""",
    ),
    PostSpec(
        title="Change freezes and what they hide",
        author="tomasz-wisniewski",
        category="change-and-release",
        tags=("change", "release", "governance"),
        days_ago=345,
        excerpt="""The calm of a freeze is borrowed. The bill arrives in the fortnight after it
        lifts.""",
        lead="""A change freeze feels like safety. For two or three weeks nothing moves, the
        incident count drops and everyone enjoys the calm. Then the freeze lifts, a queue of
        postponed work lands on the same few nights, and the failure rate for the following
        fortnight is the worst of the year. I have watched this happen at three employers,
        and I no longer believe freezes are as safe as they look.""",
    ),
    PostSpec(
        title="The mentor I needed at twenty-three",
        author="fatima-al-sayed",
        category="careers-and-people",
        tags=("career", "training"),
        days_ago=360,
        lead="""At twenty-three I was the youngest analyst on a night shift in a bank's data
        centre, convinced that asking a question would reveal I did not belong. I learned
        everything the slow way, by breaking things and hoping nobody noticed. If I could
        send a letter back to that young woman, it would not be full of technical advice. It
        would be about how to ask for help.""",
    ),
    PostSpec(
        title="Why first-contact resolution stopped being my favourite number",
        author="lucia-fernandez",
        category="service-desk",
        tags=("metrics", "service-desk", "problem-management"),
        days_ago=380,
        excerpt="""A number that is easy to celebrate can quietly teach a desk to fix the same
        fault forty times.""",
        lead="""For years I put first-contact resolution at the top of every report I wrote.
        It was easy to explain, easy to count and easy to celebrate. Then I spent a quarter
        with the problem team and watched how that single number shaped behaviour on the
        desk: calls kept open too long, workarounds handed out without a record, and the same
        fault fixed forty times by forty people who were each, technically, succeeding.""",
    ),
    PostSpec(
        title="Goodbye, and thanks for all the arguments",
        author="henrik-lindqvist",
        category="general-news",
        tags=("career", "itil"),
        days_ago=395,
        excerpt="""After thirty-four years in operations, a last column, and thanks to every
        reader who disagreed.""",
        lead="""This is my last column. After thirty-four years in IT operations, the last
        twelve of them writing here, I am retiring to a house with a large garden and a very
        slow broadband connection, which I intend to leave unmonitored. Before I go, I want to
        thank the readers who disagreed with me, politely and otherwise, because they taught
        me more than the ones who agreed.""",
    ),
    PostSpec(
        title="Pipelines and approvals can share a room",
        author="samuel-mensah",
        category="change-and-release",
        tags=("devops", "change", "cloud"),
        days_ago=400,
        lead="""The argument between the pipeline people and the approval people has gone on
        so long that each side can recite the other's lines. One says a human signature adds
        delay and no safety; the other says automation without oversight is how you end up
        in the news. Having sat in both chairs, I think they are arguing about the wrong
        thing. The question is not who approves, but what evidence the approval rests
        on.""",
    ),
    PostSpec(
        title="Service credits do not buy back trust",
        author="nomvula-dlamini",
        category="suppliers-and-sourcing",
        tags=("sla", "outsourcing"),
        days_ago=420,
        lead="""We once received a service credit worth slightly less than a team lunch after
        an outage that stopped our call centre for most of a day. It was calculated correctly
        under the contract. It was also faintly insulting, and it made the next review
        meeting harder rather than easier. Credits are a blunt instrument, and I think we
        lean on them because we have not designed anything better.""",
    ),
    PostSpec(
        title="What the certificate does not certify",
        author="priya-raman",
        category="standards-and-frameworks",
        tags=("iso-20000", "training"),
        days_ago=450,
        excerpt="""A certificate on the wall is precise and, read carefully, rather modest.
        Here is what it does and does not promise.""",
        lead="""A certificate on the reception wall says that an accredited body examined a
        management system within a defined scope and found that it conformed to a standard on
        the days of the audit. That sentence is precise and, read carefully, rather modest. It
        does not say the services are good, the customers are happy or the scope covers the
        part of the business you are about to buy from.""",
    ),
    PostSpec(
        title="Writing is a service management skill",
        author="aiko-tanaka-hughes",
        category="careers-and-people",
        tags=("knowledge-management", "career", "training"),
        days_ago=470,
        lead="""We train people in tools, frameworks and technologies, but almost never in
        writing, though nearly everything a service team produces is writing. Ticket notes,
        knowledge articles, change plans, incident updates, emails to angry customers: each
        succeeds or fails on whether a tired reader can understand it quickly. Writing well
        is not a soft skill here. It is an operational one.""",
    ),
    PostSpec(
        title="The rollback plan that was never tested",
        author="ravi-chaudhary",
        category="change-and-release",
        tags=("change", "major-incidents"),
        days_ago=480,
        lead="""Every change request I approved in ten years had a rollback plan. Most of them
        said something like 'restore from backup' or 'redeploy the previous version'. Until
        one very long night, I had never asked anyone how long the restore would take, or
        whether anyone had ever tried it. The answer, for that change, was nine hours and
        no.""",
    ),
    PostSpec(
        title="The password reset that ate a whole quarter",
        author="maria-okafor",
        category="service-desk",
        tags=("service-desk", "automation", "change"),
        days_ago=520,
        excerpt="""A 'two-week' self-service project, three months of surprises, and what it
        taught one desk about introducing change to people.""",
        lead="""We thought self-service password resets would be a two-week project. The tool
        was bought, the licence paid and the vendor had a slide with a large percentage on
        it. What followed was three months of enrolment drives, locked-out directors, a queue
        that briefly doubled and one memorable afternoon on which the reset page reset
        itself. We got there in the end, and I learned more about change from that project
        than from any course.""",
    ),
    PostSpec(
        title="The supplier review meeting, reinvented",
        author="declan-byrne",
        category="suppliers-and-sourcing",
        tags=("siam", "governance", "metrics"),
        days_ago=540,
        lead="""I have sat through hundreds of supplier review meetings, and most follow the
        same script. The supplier presents forty slides of green measures, the customer
        raises the same three complaints as last month, actions are noted and nobody reads
        the minutes. An hour later both sides return to their desks slightly more irritated
        than before. It does not have to go this way.""",
    ),
    PostSpec(
        title="Practices, not processes: living with the new vocabulary",
        author="henrik-lindqvist",
        category="standards-and-frameworks",
        tags=("itil", "training"),
        days_ago=560,
        has_image=True,
        excerpt="""A veteran of four versions of ITIL admits the new word was worth it, though
        not for the reason the training slides gave.""",
        lead="""I have lived through four versions of ITIL, and each arrived with a new
        vocabulary that somebody insisted was the whole point. When 'processes' became
        'practices', I rolled my eyes along with everyone else of my vintage. A year on, I
        have changed my mind, and not for the reason the training slides gave.""",
    ),
    PostSpec(
        title="Notes for a new CIO's first hundred days",
        author="grace-whitfield",
        category="careers-and-people",
        tags=("governance", "career"),
        days_ago=585,
        excerpt="""A letter to a friend starting her first CIO role. None of it is about
        technology.""",
        lead="""A friend has just been appointed to her first CIO role and asked what I wish I
        had known before mine. I wrote her a long email, and with her permission I am sharing
        a tidied version here. None of it is about technology, which surprised her, and
        which would have surprised me too.""",
    ),
    PostSpec(
        title="Notes from a user group in a church hall",
        author="nomvula-dlamini",
        category="general-news",
        tags=("customer-experience", "training"),
        days_ago=610,
        excerpt="""Thirty practitioners, no sponsors and not enough biscuits: why small local
        user groups deserve your Thursday evening.""",
        lead="""On a wet Thursday evening, thirty people met in a church hall on the edge of
        Johannesburg to talk about service management. There were no sponsors, no badges and
        no talk longer than ten minutes. The tea was strong, the biscuits ran out by half past
        seven, and it was the most useful evening of professional development I had all
        year.""",
    ),
    PostSpec(
        title="A change calendar the business actually opens",
        author="tomasz-wisniewski",
        category="change-and-release",
        tags=("change", "customer-experience"),
        days_ago=620,
        lead="""For years our forward schedule of change lived in a tool only IT could log in
        to, organised by configuration item names only IT could read. Then the finance
        director asked, reasonably, why nobody had told her the ledger would be offline
        during the quarter-end close. We had told her, technically. It was on the calendar.
        She simply could not see it.""",
    ),
    PostSpec(
        title="Bringing the service desk back in-house",
        author="henrik-lindqvist",
        category="suppliers-and-sourcing",
        tags=("outsourcing", "service-desk"),
        days_ago=640,
        excerpt="""The same company, the same desk, fifteen years apart: lessons from moving a
        service desk out and bringing it home again.""",
        lead="""Fifteen years ago I helped a company outsource its service desk. This year I
        helped the same company bring it back. Nobody involved in the first decision was
        wrong, exactly: the market, the cost of the work and the company itself had all
        changed. But the reversal taught me things about insourcing that I wish someone had
        written down for us.""",
    ),
    PostSpec(
        title="Framework fatigue and the one-page model",
        author="henrik-lindqvist",
        category="standards-and-frameworks",
        tags=("itil", "governance"),
        days_ago=700,
        lead="""A client once showed me their service management framework. It drew on ITIL,
        COBIT, ISO/IEC 20000, a lean programme, an agile transformation and a consultancy's
        own maturity model, and it ran to three hundred and forty pages. Nobody below the
        steering committee had read it. Everybody on the service desk, however, could draw me
        how work really flowed on the back of an envelope, and it fitted on one page.""",
    ),
]

SCHEDULED = [
    PostSpec(
        title="Runbooks that survive the night shift",
        author="maria-okafor",
        category="service-desk",
        tags=("service-desk", "knowledge-management", "major-incidents"),
        days_ago=-3,
        excerpt="""A runbook is read at three in the morning by someone tired and alone. Ours
        are now written for that reader.""",
        lead="""At three in the morning a runbook is read by someone tired, alone and possibly
        frightened, which is not the reader most runbooks are written for. We rewrote ours
        this year with that reader in mind, and the night shift now escalates less and
        sleeps, I am told, slightly better.""",
    ),
    PostSpec(
        title="Preparing for a recertification audit",
        author="priya-raman",
        category="standards-and-frameworks",
        tags=("iso-20000", "governance"),
        days_ago=-6,
        lead="""Three years pass faster than anyone expects. The recertification audit is a
        fuller examination than the surveillance visits in between, and it is when an auditor
        asks whether the management system has matured or merely survived. Here is how I
        suggest teams prepare, starting about six months out.""",
    ),
]

DRAFTS = [
    PostSpec(
        title="Queue health checks for team leaders",
        author="maria-okafor",
        category="service-desk",
        tags=("service-desk", "metrics"),
        days_ago=None,
        lead="""New team leaders often ask me what they should look at first thing in the
        morning. The honest answer is: fewer things than the dashboard offers. I give every
        new leader the same short routine, which takes about ten minutes, and I have been
        meaning to write it down properly for a while.""",
    ),
    PostSpec(
        title="Notes towards a supplier scorecard",
        author="declan-byrne",
        category="suppliers-and-sourcing",
        tags=("siam", "metrics"),
        days_ago=None,
        lead="""A reader asked whether I would share the scorecard I use when reviewing
        suppliers for clients. It changes with every engagement, but the skeleton stays the
        same. These are my notes towards a version general enough to be useful, and I would
        welcome corrections before it is finished.""",
    ),
]

# Sections a body is composed from: (subheading, paragraph), by category, plus a general pool.
SECTIONS = {
    "service-desk": [
        (
            "Read the words, not just the numbers",
            """A dashboard will tell you that volumes are up eight per cent. The ticket
            titles will tell you that a third of the increase is people who cannot find the
            new expenses form. The second fact is the one you can act on before lunch. I keep
            a habit of reading twenty random tickets from the previous day, start to finish,
            and writing down anything that surprises me.""",
        ),
        (
            "The caller is not the ticket",
            """After a few hundred calls it is easy to start hearing categories instead of
            people. The caller becomes 'a printer one' or 'another VPN'. The best analysts I
            have worked with resist this, not out of sentiment but because the detail a
            caller offers in the first thirty seconds, the thing that does not fit the
            category, is usually the clue.""",
        ),
        (
            "Hold times are a promise",
            """Every minute on hold is a minute the caller spends deciding what they think of
            IT. We publish the expected wait on the portal and in the phone greeting, and we
            treat a missed estimate as seriously as a missed resolution target. People put up
            with a wait they were warned about far better than a short one that came as a
            surprise.""",
        ),
        (
            "Design for the worst hour",
            """Most desks staff for the average day and suffer through the peaks. Yet the
            worst hour of the week is predictable: on most desks it is Monday between nine
            and eleven, and the first morning after a holiday. Put your most experienced
            people there, move training and one-to-ones out of it, and give that hour a plan
            of its own.""",
        ),
        (
            "Escalation is not failure",
            """Some desks quietly reward analysts who never escalate, and the result is people
            spending forty minutes on problems a second-line engineer would solve in five.
            Escalating at the right moment, with good notes, is a skill. We now review
            escalations for quality rather than quantity: did the notes let the next person
            start without ringing the customer back?""",
        ),
        (
            "Self-service has to be faster",
            """People use a portal when it is quicker than ringing. They do not use it because
            a poster tells them to, or because the phone menu makes them listen to an
            advertisement for it. Time every common request through the portal yourself, on a
            phone, on a poor connection. If it takes longer than a call, you have found your
            next piece of work.""",
        ),
        (
            "Notes for the next person",
            """A ticket is a letter to whoever picks it up next, who may be you, three weeks
            later, with no memory of the call. Write what you tried, what you saw and what
            you told the customer. 'Fixed' is not a note. 'Cleared cached credentials, asked
            the user to sign in again, confirmed mail is syncing' is.""",
        ),
        (
            "Measure what the customer feels",
            """Resolution time starts when a ticket is logged. For the customer the clock
            started when the trouble began, perhaps an hour earlier, while they searched the
            intranet and asked a colleague. We have started asking callers how long they had
            been stuck before contacting us, and that one question has changed where we
            invest in self-help. More under
            [[tag:customer-experience|customer experience]].""",
        ),
        (
            "Small rituals hold a team together",
            """Our desk holds a ten-minute huddle at the start of each shift. It is not a
            status meeting: we share what is breaking, who is away and one thing that went
            well yesterday. It costs a few calls a day in capacity and repays them many times
            over, because people who have spoken to each other in the morning ask each other
            for help in the afternoon.""",
        ),
        (
            "Known errors belong at the front door",
            """When a fault is known and a fix is on its way, the most useful thing the desk
            can do is say so before anyone calls. A banner on the portal, a line in the phone
            greeting and a pinned article can save hundreds of contacts on a bad morning. They
            also tell people that IT knows, which is half of what they ring to find out.""",
        ),
        (
            "Every hand-off loses something",
            """Each hand-off between teams drops a little context, the way a message passed
            along a line of people changes at every step. Count the hand-offs in your ten most
            common requests. If a new laptop passes through five queues, the customer feels
            all five, and the answer is rarely more staff. It is fewer queues.""",
        ),
    ],
    "change-and-release": [
        (
            "Risk is a conversation, not a score",
            """Most change tools calculate a risk score from a questionnaire, and most teams
            learn within a month which answers keep the score low. The score is still useful
            as a prompt, but the real assessment happens when someone who knows the system
            asks 'what else touches this?' and waits for an honest answer.""",
        ),
        (
            "Look for collisions, not just failures",
            """Many of the changes that hurt us were sound on their own. They failed because
            they met something else: another change, a batch job, a month-end close, a
            marketing launch. The most valuable thing a change board can do is look across the
            calendar and spot collisions that no single team can see from where it sits.""",
        ),
        (
            "Small changes fail small",
            """A change that touches one service and can be reversed in minutes carries a
            different kind of risk from one that touches twelve and takes a weekend to undo.
            Breaking work into smaller pieces is the most reliable risk reduction I know, and
            the one teams most often resist, because one big change feels like less
            paperwork than five little ones.""",
        ),
        (
            "Rehearse the way back",
            """A rollback plan that has never been rehearsed is a hope. For any change that
            cannot be reversed in minutes, we now ask for evidence that the way back has been
            tried in a test environment, with a timing. The first time we asked, about half
            the plans turned out to take longer than the change window itself.""",
        ),
        (
            "Approval should follow evidence",
            """An approval is only as good as what the approver looked at. When a pipeline can
            show passing tests, a reviewed change to the code and a clean deployment to
            staging, a signature adds little. When it cannot, the signature is doing work the
            evidence should have done, and the approver rarely has time to do it
            properly.""",
        ),
        (
            "Tell the people who will notice",
            """Plenty of failed changes were technically successful: the system worked
            afterwards, but somebody was surprised. A new login screen, a moved button or a
            renamed report will generate calls whether or not anything broke. Give the
            service desk a sentence in plain language about what users will see, and when,
            before the change goes in.""",
        ),
        (
            "Review the successes too",
            """We review changes that fail and rarely look at the ones that went smoothly.
            Picking two successful changes a month and asking why they worked has taught us
            more than another failure review, partly because people talk openly about what
            went well, and partly because the habits behind a success are worth copying on
            purpose.""",
        ),
        (
            "Emergency changes deserve a second look",
            """Emergency changes are necessary, but they are also where shortcuts hide. If
            their number is climbing, something upstream is wrong: perhaps the normal route
            is too slow, perhaps planning is poor. Each one deserves a short review within a
            week, not to punish anybody but to ask whether it really had to be an
            emergency.""",
        ),
        (
            "The calendar is a public document",
            """A forward schedule of change only helps the people who can see and understand
            it. Write entries in business language, group them by the services people
            recognise rather than by server names, and put the calendar where people already
            look. If the finance team must request an account to learn when the ledger is
            down, it has not really been published.""",
        ),
        (
            "Automate the dull checks",
            """Half the questions on a typical change form can be answered by the tooling: has
            this been tested, has the code been reviewed, what depends on this component, is
            there a conflicting change? Let the tools fill those in, and spend human
            attention on the questions that need judgement. Other columns tagged
            [[tag:automation|automation]] go further.""",
        ),
    ],
    "standards-and-frameworks": [
        (
            "A standard says what, not how",
            """The commonest misreading of any management system standard is to treat it as a
            method. It says what a system must achieve and what evidence must exist; it leaves
            the how to you, on purpose. Organisations that copy a consultant's template for
            every requirement end up with something that conforms and fits nobody.""",
        ),
        (
            "Scope is the first decision",
            """Before a single policy is written, decide which services, locations and
            customers your management system covers. A tight scope you genuinely run is worth
            more than a broad one that exists on paper. You can widen it later; shrinking a
            scope after an audit finding is a far less comfortable conversation.""",
        ),
        (
            "Evidence is a by-product",
            """If preparing for an audit takes a month of gathering documents, the system is
            not really running. Good evidence falls out of ordinary work: minutes that record
            decisions, tickets that show reviews took place, reports someone actually read.
            Auditors can tell a record made at the time from one made for their benefit.""",
        ),
        (
            "Frameworks are lenses, not blueprints",
            """ITIL, COBIT, ISO/IEC 20000, lean and agile ways of working each describe the
            same organisation from a different angle. Treat them as lenses to pick up when
            looking at a problem, not blueprints to build from. For the history of the best
            known, the <a href="https://en.wikipedia.org/wiki/ITIL">encyclopaedia entry on
            ITIL</a> is a fair, neutral start.""",
        ),
        (
            "Words change behaviour",
            """The vocabulary of a framework is not mere branding. Calling something a
            'practice' rather than a 'process' invites people to think about skills,
            information and tools as well as steps. Separating the person who uses a service
            from the one who pays for it changes who gets invited to meetings. Small changes
            of word can open conversations that have been stuck for years.""",
        ),
        (
            "Maturity models measure paperwork",
            """A maturity assessment tends to reward documentation, because documents are easy
            to inspect. That is not wrong, but it is partial. A team that writes everything
            down and improves nothing can score higher than one that fixes its biggest
            problem every quarter. Use the model to start conversations, never as a
            target.""",
        ),
        (
            "Improvement needs a register",
            """Every framework asks for continual improvement, and most organisations have no
            shortage of good ideas. What they lack is one place where improvements are
            recorded, ranked, owned and followed up. A plain register reviewed monthly beats
            an ambitious improvement programme that nobody tracks.""",
        ),
        (
            "Governance is who decides",
            """Strip away the terminology and governance asks three things: who may decide, on
            what information, and how we know the decision was carried out. If you cannot
            answer those for your main service decisions, you have a governance gap, however
            many policies you have published. The
            [[category:standards-and-frameworks|standards and frameworks section]] returns to
            this often.""",
        ),
        (
            "Internal audit is a gift",
            """Internal audits are often treated as a rehearsal for the external one. They are
            better treated as free consultancy. An auditor from another department asks the
            naive questions insiders stopped asking years ago. Rotate the role, train people
            properly and reward findings rather than clean reports.""",
        ),
        (
            "The certificate is a milestone",
            """A certificate is a useful signal to customers and a good discipline for the
            organisation, but it is not the goal. I have seen teams stop improving the day it
            arrived, because the project had ended. Plan what happens the week after. The
            requirements of <a href="https://www.iso.org/standard/70636.html">ISO/IEC
            20000-1</a> are short enough to read in an afternoon.""",
        ),
    ],
    "suppliers-and-sourcing": [
        (
            "Measure the outcome, not the activity",
            """Contracts often measure what the supplier does: calls answered, tickets closed
            within target, reports delivered on time. Customers experience outcomes: can
            people work, are they served quickly, is the service getting better? Put at least
            one outcome measure in every agreement, even a rough one, and review it as
            seriously as the rest.""",
        ),
        (
            "Accountability stays at home",
            """You can hand a supplier the work, the staff and the tools. You cannot hand over
            accountability for the service your customers receive. Somebody inside the
            organisation must understand the service well enough to challenge the supplier,
            and that person needs time, authority and a budget, not a few hours a month
            squeezed around another job.""",
        ),
        (
            "Rules of engagement before tooling",
            """When several suppliers deliver one service, the first question is not which
            tool they share. It is how they pass work to one another, who leads an incident
            that crosses them, how disputes are settled and what each must share. Write those
            rules down, have every supplier sign up to them, and only then argue about
            tooling.""",
        ),
        (
            "Price the exit at the start",
            """The cheapest moment to agree how a contract ends is before it begins, when both
            parties are optimistic and the supplier wants the business. Agree which data,
            documents and knowledge will be handed over, in what format, with what help and at
            what cost. Then test the plan once during the contract, as you would test a
            backup.""",
        ),
        (
            "The relationship is a service too",
            """Suppliers respond to the way they are managed. A customer who only calls when
            something is wrong gets a defensive supplier. Regular, honest conversations about
            what is going well, what is worrying and what is coming next build the kind of
            relationship that bends in a crisis instead of breaking.""",
        ),
        (
            "Green reports, red experiences",
            """When every target is met and the customer is still unhappy, the targets are
            measuring the wrong thing. Compare the supplier's report with your own desk's
            complaints, your satisfaction scores and what the business says in meetings.
            Where they disagree, the disagreement is the month's most useful finding. The
            general idea of a
            <a href="https://en.wikipedia.org/wiki/Service-level_agreement">service-level
            agreement</a> is simple; writing a good one is not.""",
        ),
        (
            "Incentives shape behaviour",
            """A supplier paid per ticket has no reason to prevent tickets. One penalised only
            for resolution time may close tickets early and reopen them later. Before signing,
            read the incentives as a clever but lazy supplier would, and ask what behaviour
            they reward. Then adjust them so that doing the right thing is also the
            profitable thing.""",
        ),
        (
            "The cloud is a supplier as well",
            """Public cloud services come with standard terms few customers can negotiate,
            which tempts organisations to skip supplier management altogether. The terms may
            be fixed, but the relationship still needs an owner: someone who reviews spending,
            follows the provider's changes and incidents, and knows what the organisation
            would do if a region or a service disappeared.""",
        ),
        (
            "Knowledge walks out with people",
            """The most valuable thing a long-standing supplier holds is rarely written down.
            It lives in the heads of engineers who have supported the service for years. Make
            knowledge transfer a continuing obligation, with documentation reviewed every
            quarter, rather than a frantic exercise in the last month of a contract.""",
        ),
        (
            "One scorecard for everyone",
            """In a multi-supplier model, a separate scorecard for each supplier encourages
            each to defend its own numbers. One scorecard for the end-to-end service, reviewed
            together, makes suppliers look at the hand-offs between them, which is where most
            trouble hides. More under [[tag:siam|SIAM]].""",
        ),
    ],
    "careers-and-people": [
        (
            "Curiosity is the skill",
            """Tools change every few years and frameworks every decade. The habit of asking
            why something broke, and then asking why again, lasts a whole career. When I
            interview, I ask candidates about the last thing they took apart to see how it
            worked. The answer need not be technical. It does need to be enthusiastic.""",
        ),
        (
            "Rotations beat courses",
            """A week with the change team teaches a service desk analyst more about change
            than a two-day course, and it builds a relationship that lasts. We now offer short
            rotations through second line, problem management and release. They are cheap to
            run, popular and the best source of internal promotions we have.""",
        ),
        (
            "Make invisible work visible",
            """Much of what keeps a service running is invisible: the analyst who mentors new
            starters, the engineer who quietly fixes documentation, the team leader who
            smooths a quarrel between two departments. If appraisals count only tickets and
            projects, they tell those people their best work does not matter. Find a way to
            name it.""",
        ),
        (
            "Rest belongs on the rota",
            """On-call and shift work take a physical toll that a spreadsheet does not show. A
            rota that looks fair on paper can still give someone three late finishes followed
            by an early start. Build recovery time in on purpose, review it with the people
            who work it, and treat exhaustion as an operational risk, because it is one.""",
        ),
        (
            "Certificates open doors, not rooms",
            """A certificate can get a CV past a filter and give you a shared vocabulary with
            colleagues. It cannot show that you can run a difficult incident call or calm an
            angry customer. Collect certificates when they serve a purpose, and spend as much
            effort collecting stories of things you have actually done. The
            [[tag:career|career]] tag has more.""",
        ),
        (
            "Ask for the stretch assignment",
            """Most progress happens through work that is slightly too big for you, and
            managers often give it to whoever asks first rather than whoever is best
            qualified. If you want to lead an incident review or run a supplier meeting, say
            so, and say so again a month later. Nobody keeps a list of people too shy to
            ask.""",
        ),
        (
            "Safety is practical",
            """Teams that feel safe admitting mistakes report problems earlier, and problems
            reported early are cheaper to fix. That is not a soft argument but an operational
            one. The quickest way to build that safety is for the most senior person in the
            room to admit a mistake of their own first, plainly and without drama.""",
        ),
        (
            "Mentoring runs both ways",
            """Pair a senior manager with a new analyst and both learn. The analyst learns how
            decisions are made; the manager learns what the organisation looks like from the
            bottom of the queue. We run a simple scheme with six pairs a year and one rule:
            the junior person sets the agenda.""",
        ),
        (
            "Let people leave well",
            """People leave, and teams with healthy cultures let them leave well. A proper
            handover, an honest exit conversation and a warm goodbye turn a former colleague
            into an ambassador. Several of our best hires came to us because someone who had
            left told them we were a good place to work.""",
        ),
        (
            "Hire for next year's team",
            """Job descriptions tend to describe the person who has just left. Before
            advertising, ask what the team will need in a year: more automation, better
            writing, experience with suppliers. Hire for that, and let the rest of the team
            grow into the gaps the departing person leaves behind.""",
        ),
    ],
    "general-news": [
        (
            "The conversations between sessions",
            """Conference programmes are built around speakers, but most of the value lies in
            the gaps between them. I now plan a conference as a list of people to find rather
            than talks to attend, and I leave at least one slot empty each day for whatever
            conversation turns up.""",
        ),
        (
            "Read the whole report",
            """When a large provider publishes a detailed report after an outage, read all of
            it rather than the summary. The interesting parts are usually in the timeline: how
            long it took to notice, who was called and when, and which safety mechanism made
            things worse. Those details carry over to your own organisation far better than
            the headline cause.""",
        ),
        (
            "Local groups matter",
            """National conferences are expensive, and most practitioners will never attend
            one. Local user groups, meeting in a borrowed room after work, fill the gap. They
            are where people new to the field meet someone who has done the job for twenty
            years, and where awkward questions get honest answers because nobody is selling
            anything.""",
        ),
        (
            "Hype has a half-life",
            """Every few years a technology arrives that will, we are told, make service
            management obsolete. Each has changed the work and none has made it disappear.
            The useful response is neither to dismiss the new thing nor to bet everything on
            it, but to run small, honest experiments and share what happened. The
            [[tag:automation|automation]] tag collects ours.""",
        ),
        (
            "Bring one thing back",
            """The risk with any event is that you return inspired and change nothing. Before
            you leave, choose one idea to try in the next month, and tell your team about it
            on your first morning back. One small experiment beats a notebook full of good
            intentions.""",
        ),
        (
            "The field is its people",
            """Reading a conference speaker list, it is easy to believe the field is shaped by
            a few famous names. It is really shaped by thousands of people running desks,
            boards and contracts quietly and well. Their experience is rarely written down,
            which is one reason this publication exists.""",
        ),
        (
            "Ask vendors for the limits first",
            """Exhibition stands have a poor reputation, and some of it is earned. Yet the best
            vendor conversations I have had were with engineers who knew exactly what their
            product could not do and said so. Ask about the limitations first; the answer
            tells you a great deal about the company.""",
        ),
        (
            "Survey numbers need care",
            """Industry surveys make good headlines and poor evidence. Before quoting a
            figure, check who was asked, how many answered and who paid. A result from a few
            hundred self-selected respondents at a vendor's event says something, but rarely
            what the headline claims.""",
        ),
        (
            "Treat the report as a rehearsal",
            """A published incident review is a free rehearsal. Gather the team for an hour,
            read the timeline aloud and pause at each decision to ask what you would have
            done, whom you would have called and whether you could have seen what they saw.
            The gaps you find are your next improvements.""",
        ),
    ],
    "general": [
        (
            "Start with one team",
            """Any improvement worth making can be tried with one team first. It is cheaper,
            quicker and more honest than a programme launched across the whole organisation,
            and the first team becomes the evidence that persuades the rest. Choose a team
            that wants to try it, not the one that most needs it.""",
        ),
        (
            "Ask the people doing the work",
            """Before designing anything, spend a morning with the people who will use it.
            They know where the current way of working breaks, which workarounds already
            exist and why the last initiative failed. Their ideas are not always right, but
            ignoring them is always expensive.""",
        ),
        (
            "Fewer measures, better read",
            """A report with forty measures is a report nobody reads. Pick a handful that
            reflect what customers experience, show each over time rather than as a single
            figure, and write one sentence under each saying what changed and why. Retire any
            measure that has not prompted a decision in six months, and keep
            <a href="https://en.wikipedia.org/wiki/Goodhart%27s_law">Goodhart's law</a> in
            mind.""",
        ),
        (
            "Write it down once",
            """Good ideas die in meetings because nobody writes them down where others can
            find them. Keep decisions, reasons and owners in one shared document per topic. It
            feels slow at first. Six months later, when someone asks why a thing was done, it
            saves an afternoon of archaeology.""",
        ),
        (
            "Culture shows in small moments",
            """A team's culture is not what is painted on the wall. It is what happens when
            someone makes a mistake at four on a Friday, when a customer is rude, or when a
            junior analyst disagrees with the manager in a meeting. Watch those moments and
            you will learn more than any staff survey can tell you.""",
        ),
        (
            "Good enough today",
            """Service management leans towards grand designs: the perfect catalogue, the
            complete configuration database, the fully mapped value stream. Meanwhile
            customers wait. Ship the rough version, learn from how people use it and improve
            it on a fixed rhythm. Perfection is a direction, not a delivery date.""",
        ),
        (
            "Money is a language too",
            """Many service teams struggle for investment because they describe problems in
            technical terms. Translate them: hours lost waiting for fixes, sales missed during
            an outage, overtime spent on preventable incidents. A rough figure in the
            business's own language opens doors a precise technical argument never will.""",
        ),
        (
            "Share the failures",
            """Organisations learn faster when failures are discussed openly and without
            blame. That does not mean nobody is responsible; it means the aim is to understand
            what made the mistake easy to make. Publish short reviews of what went wrong, and
            thank the people who reported it.""",
        ),
        (
            "Keep a customer in the room",
            """It is remarkable how many improvement workshops take place without a single
            customer present. Invite one, or two. Their presence changes the conversation:
            jargon drops away, priorities shift and the team remembers whom the work is
            for.""",
        ),
        (
            "Review on a rhythm",
            """Improvements fade without a rhythm for revisiting them. A short monthly look at
            what changed, whether it worked and what to try next keeps momentum without
            turning into a programme. Put it in the calendar for the year ahead, and protect
            it from being the first meeting cancelled.""",
        ),
    ],
}

# (sentence introducing the list, items), by category.
LISTS = {
    "service-desk": [
        (
            "Five things worth checking in the queue before nine:",
            [
                "tickets reopened since the last working day",
                "anything waiting on a customer's reply for more than three days",
                "people with more than two tickets open at once",
                "the oldest unassigned ticket, and why nobody has taken it",
                "titles that mention the same system more than twice",
            ],
        ),
        (
            "A useful ticket note records:",
            [
                "what the customer reported, in their own words",
                "what you checked and what you found",
                "what you changed, if anything",
                "what you told the customer would happen next",
            ],
        ),
        (
            "Before sending a caller to the portal, ask:",
            [
                "is the portal quicker than this call would be?",
                "can they use it on the device in front of them right now?",
                "will they find the right form without knowing our jargon?",
            ],
        ),
    ],
    "change-and-release": [
        (
            "Questions worth asking at every change board:",
            [
                "what else is happening on the same night?",
                "who will notice if this goes well, and who if it goes badly?",
                "how long does the way back take, and has anyone tried it?",
                "who is awake and reachable if we need them?",
            ],
        ),
        (
            "A rollback plan should state:",
            [
                "the signal that means we stop and reverse",
                "the steps, in order, and who performs each",
                "how long it takes, as measured in a test",
                "how we confirm the service is back to normal",
            ],
        ),
        (
            "Good candidates for standard changes tend to be:",
            [
                "performed often, by people who know them well",
                "written down in steps that rarely vary",
                "small when they fail, and quick to reverse",
                "easy to check automatically afterwards",
            ],
        ),
    ],
    "standards-and-frameworks": [
        (
            "Evidence an auditor will usually ask to see:",
            [
                "management review minutes, with decisions and owners",
                "a sample of changes, incidents and problems, end to end",
                "the improvement register and what became of its entries",
                "internal audit findings and how they were closed",
            ],
        ),
        (
            "Before adopting any framework, be clear about:",
            [
                "the problem you are trying to solve",
                "who will own the change, and for how long",
                "what you will stop doing to make room",
                "how you will know, six months on, that it helped",
            ],
        ),
        (
            "Questions for a one-page model of how work flows:",
            [
                "where does demand arrive?",
                "who decides what is done first?",
                "where does work wait, and for how long?",
                "how does the customer learn what happened?",
            ],
        ),
    ],
    "suppliers-and-sourcing": [
        (
            "Three questions to answer before any renewal:",
            [
                "what does the service cost in total, including our own effort to manage it?",
                "what would we change about it if we were starting again?",
                "could we realistically leave, and if not, why not?",
            ],
        ),
        (
            "An exit plan should cover at least:",
            [
                "the data to be returned, its format and its timetable",
                "documentation and runbooks, kept current throughout the contract",
                "the period of knowledge transfer, and who pays for it",
                "how the service continues while the move happens",
            ],
        ),
        (
            "A supplier review that works usually has:",
            [
                "one shared page of measures, agreed in advance",
                "the customer's own view of the month, not only the supplier's",
                "a standing item on risks and coming changes",
                "actions with owners and dates, checked at the next meeting",
            ],
        ),
    ],
    "careers-and-people": [
        (
            "Early signs that a team is running too hot:",
            [
                "a backlog that grows slowly but steadily, week after week",
                "ticket notes getting shorter",
                "lunch eaten at the desk, every day",
                "the quietest person growing quieter",
            ],
        ),
        (
            "Ways to grow from the service desk:",
            [
                "volunteer for a problem investigation",
                "write the knowledge article nobody else wants to write",
                "ask to sit in on a change board",
                "shadow a supplier review meeting",
                "offer to train the next group of new starters",
            ],
        ),
        (
            "Three interview questions I never drop:",
            [
                "tell me about something you took apart to see how it worked",
                "describe a time you were wrong, and how you found out",
                "what would you change about the last service you used as a customer?",
            ],
        ),
    ],
    "general-news": [
        (
            "How I plan a conference now:",
            [
                "a list of people to find, not talks to attend",
                "one empty slot a day for unplanned conversations",
                "notes written up the same evening, while they are fresh",
                "one idea chosen to try in the first month back",
            ],
        ),
        (
            "Before quoting an industry survey, check:",
            [
                "who was asked, and how they were chosen",
                "how many answered",
                "who paid for it",
                "whether the question was worded to get a particular answer",
            ],
        ),
        (
            "Questions to ask of any published outage report:",
            [
                "how long would it take us to notice the same failure?",
                "whom would we call first, and would they answer?",
                "which of our safety mechanisms could make matters worse?",
                "what would we tell customers in the first hour?",
            ],
        ),
    ],
}

# (quotation, who said it), by category.
QUOTES = {
    "service-desk": [
        (
            "People forgive a slow fix. They don't forgive being forgotten.",
            "a team leader on a university help desk",
        ),
        (
            "I stopped counting calls on the day I started listening to them.",
            "a service desk analyst with twelve years on the phones",
        ),
        (
            "The portal is for the problems people can describe. The phone is for the ones "
            "they can't.",
            "a housing officer who rings the desk more than most",
        ),
        (
            "Our best article was written by someone who had just been confused by the problem.",
            "a second-line engineer",
        ),
    ],
    "change-and-release": [
        (
            "The board isn't there to say no. It's there to see what nobody can see from "
            "their own desk.",
            "a change manager in retail banking",
        ),
        (
            "We didn't reduce risk by adding approvals. We reduced it by making each change "
            "smaller.",
            "a platform engineering lead",
        ),
        (
            "If you haven't practised going back, you haven't got a way back.",
            "an infrastructure manager, after a long night",
        ),
        (
            "Every change is a change for somebody who wasn't in the meeting.",
            "a service desk manager",
        ),
    ],
    "standards-and-frameworks": [
        (
            "The standard tells you what good looks like. It's too polite to tell you how to "
            "get there.",
            "a lead auditor",
        ),
        (
            "We had every policy the framework asked for, and no idea who made decisions.",
            "an IT director, after a governance review",
        ),
        ("A framework is a map. You still have to do the walking.", "a retired service manager"),
        (
            "The best evidence is the kind you didn't know you were creating.",
            "an internal auditor",
        ),
    ],
    "suppliers-and-sourcing": [
        (
            "We outsourced the work and, without noticing, the understanding as well.",
            "a head of IT operations",
        ),
        (
            "The report was green, the customers were furious, and both were telling the truth.",
            "a service level manager",
        ),
        (
            "Nobody reads the exit schedule until they need it, and then everyone reads it "
            "very closely.",
            "a procurement lawyer",
        ),
        ("Suppliers behave like the contract, not like the brochure.", "a sourcing adviser"),
    ],
    "careers-and-people": [
        (
            "I got my first promotion because I volunteered for the job nobody wanted.",
            "a problem manager who began on the phones",
        ),
        (
            "Tired people make careful mistakes. They follow the process perfectly and miss "
            "the obvious.",
            "an operations manager",
        ),
        ("Hire people who ask why. You can teach them the rest.", "a CIO in local government"),
        (
            "The kindest thing a manager ever did for me was admit she didn't know either.",
            "a service owner, remembering her first year",
        ),
    ],
    "general-news": [
        ("You go for the keynotes and stay for the corridors.", "a conference regular"),
        (
            "Every outage report is a free lesson, if you're willing to do the homework.",
            "a site reliability engineer",
        ),
        (
            "Nobody at a user group is selling anything, which is why people tell the truth.",
            "a user group organiser",
        ),
        (
            "The hype will pass. The queue will still be there on Monday.",
            "a service desk manager",
        ),
    ],
}

CLOSERS = [
    """If your team has found a better way to do this, I would love to hear about it: the
    best ideas in this column have usually come from readers.""",
    """None of this is complicated. Most of it is merely unfashionable, which is a different
    problem, and one worth solving.""",
    """Try one of these ideas for a month and see what changes. If nothing does, you have lost
    very little; if something does, tell your colleagues, and tell me.""",
    """I will come back to this in a few months with what we learned. In the meantime, other
    columnists have tackled the same ground in [[category:*|this section]].""",
    """As ever, the answer is less about tools than about people paying attention. That is
    good news: attention is free, even if it is never cheap.""",
    """There is no certificate for any of this and no product that does it for you. There is
    only the habit, practised every week, until it is simply how the team works.""",
    """If you disagree, and some of you will, write and tell me. I learn most from the readers
    who push back.""",
    """The point is not to be perfect. It is to be a little better next month than this one,
    and to be able to say how you know.""",
    """I would be glad to hear how this looks from where you sit, especially if you sit on the
    other side of the table.""",
    """More on this theme in [[category:*|the rest of this section]], where colleagues come at
    it from other angles.""",
]


def plain_text(text: str) -> str:
    """Return a reader's plain text with each paragraph typeset on one line, a blank line apart."""
    return "\n\n".join(typeset(part) for part in re.split(r"\n\s*\n", text.strip()))


AUTHOR = "AUTHOR"  # in a CommentSpec's name: the post's own columnist, answering


@dataclass(frozen=True)
class CommentSpec:
    name: str  # a reader's first name, or AUTHOR
    location: str  # the place a reader signs with; blank for the columnist
    body: str  # plain text; a blank line starts a new paragraph
    replies: tuple["CommentSpec", ...] = ()


# Approved comments, by the title of the published post they answer, in the order written.
# Regular readers keep the same name and place, so moderators can see their history.
COMMENTS = {
    "Watermelon SLAs: green outside, red inside": [
        CommentSpec(
            "Pieter",
            "Utrecht",
            """We called ours the traffic-light lie. What finally helped was one measure the
            supplier could not game: how many branch managers rang our director directly in a
            month. It went from eleven to two once the agreement was rewritten around what the
            branches actually experienced.""",
        ),
    ],
    "What a Monday morning queue really tells you": [
        CommentSpec(
            "Callum",
            "Dundee",
            """The tickets reopened over the weekend are the ones I read first too. A ticket
            someone reopened at eleven on a Saturday night tells you exactly how much they
            trusted the fix.""",
            replies=(
                CommentSpec(
                    AUTHOR,
                    "",
                    """Callum, yes, and the times matter as much as the titles. A cluster of
                    reopens on Sunday evening is usually people checking their email before
                    work and finding the problem never really went away.""",
                ),
            ),
        ),
        CommentSpec(
            "Yasmin",
            "Birmingham",
            """I have been told off for doing exactly this instead of 'looking at the strategic
            picture'. Sending this to my boss, with the cup of tea highlighted.""",
        ),
    ],
    "Not tonight: when a change board earns its keep": [
        CommentSpec(
            "Agnieszka",
            "Kraków",
            """The payroll run nobody put on the calendar: we had the same with a month-end
            batch owned by finance rather than IT. Our fix was to invite the finance systems
            lead to the board once a month, not to add another field to the form.""",
            replies=(
                CommentSpec(
                    "Graham",
                    "Swindon",
                    """Inviting people works until they stop coming. Ours came once we moved
                    the board to the slot straight after their own team meeting and provided
                    biscuits. Never underestimate biscuits.""",
                ),
            ),
        ),
        CommentSpec(
            "Sunil",
            "Leicester",
            """Good piece. Did the supplier accept the explanation in the end, or did the
            missed window cost you a penalty?""",
        ),
    ],
    "From the phones to the problem board: a career map": [
        CommentSpec(
            "Dev",
            "Pune",
            """I moved from first line to problem management after four years on the phones.
            What got me noticed was a spreadsheet of repeat calls that I sent to the problem
            manager every month without being asked.""",
            replies=(
                CommentSpec(
                    AUTHOR,
                    "",
                    """Dev, that is the best career advice on this page, and you gave it in two
                    sentences. The spreadsheet nobody asked for is how half the people I admire
                    got their second job.""",
                ),
            ),
        ),
        CommentSpec(
            "Kerry-Ann",
            "Kingston",
            """I would love a follow-up on moving from the desk into service ownership. That
            step feels much less mapped than the routes into problem or change.""",
        ),
    ],
    "Reading ISO/IEC 20000 slowly, one clause at a time": [
        CommentSpec(
            "Stefan",
            "Graz",
            """Book-club pace is exactly right. Our implementation team read clause 8 in one
            afternoon and spent the next year undoing the procedures they wrote that week.""",
        ),
        CommentSpec(
            "Siobhán",
            "Galway",
            """Looking forward to the series. Will you point out the differences from the 2011
            edition as you go? Half our documents still quote the old clause numbers.""",
        ),
    ],
    "Problem management is the practice everyone skips": [
        CommentSpec(
            "Graham",
            "Swindon",
            """Our tool counts a problem as closed when somebody ticks the box. By that measure
            we are world leaders in problem management.""",
        ),
        CommentSpec(
            "Mariana",
            "Porto",
            """We started counting only the problems closed by a change that removed the cause.
            The number fell from 140 a quarter to 9.

            It was a humbling month, but the nine were real, and the incident count behind
            them fell too.""",
        ),
        CommentSpec(
            "Ahmed",
            "Cairo",
            """Who should own a problem when the cause sits with a supplier? That is where ours
            go to die.""",
        ),
    ],
    "The case for answering the phone": [
        CommentSpec(
            "Ruth",
            "Norwich",
            """Thank you for mentioning screen readers. I am blind, and the portal at my
            workplace is technically accessible and practically impossible. On a bad IT day the
            phone line is the only reason I can do my job.""",
            replies=(
                CommentSpec(
                    AUTHOR,
                    "",
                    """Ruth, thank you for writing this. We now try every portal change with two
                    colleagues who use screen readers before it goes live, and it has changed
                    what we build more than any survey did.""",
                ),
            ),
        ),
        CommentSpec(
            "Bashir",
            "Manchester",
            """The arithmetic always leaves out the failed portal attempts. Someone who has
            tried twice and then rings is crosser, and the call takes longer.""",
        ),
        CommentSpec(
            "Beatriz",
            "São Paulo",
            """We kept the phone but added a callback option at busy times. Callers choose it
            far more than we expected, and complaints about hold times have almost
            disappeared.""",
        ),
    ],
    "What the AI noise means for a forty-seat desk": [
        CommentSpec(
            "Eero",
            "Tampere",
            """So the short answer is: fix your knowledge base first? That has been the answer
            to every automation question I have heard in twenty years.""",
            replies=(
                CommentSpec(
                    "Chidi",
                    "Abuja",
                    """Eero, it is also the answer nobody buys, because there is no vendor to
                    take you to lunch for it. Still true, though.""",
                ),
            ),
        ),
        CommentSpec(
            "Nadia",
            "Montréal",
            """I would add: agree with HR and the union how you will talk about it before the
            first pilot. Our people assumed the worst for months because nobody told them
            anything.""",
        ),
    ],
    "Release notes nobody reads, and how to fix that": [
        CommentSpec(
            "Jo",
            "Hobart",
            """'Fix null check' is the release note of my nightmares. We added a 'what a caller
            might notice' line to our pull request template. It gets filled in about seventy
            per cent of the time, which is seventy per cent more than before.""",
        ),
        CommentSpec(
            "Olu",
            "Lagos",
            """Do you write the notes before the deployment or after? We tried before, and they
            were often wrong by the time the feature was switched on.""",
        ),
    ],
    "Three questions before you sign the renewal": [
        CommentSpec(
            "Paddy",
            "Cork",
            """Answering the questions before anyone mentions price is the part I will steal.
            Once a number is on the table nobody in the room hears anything else.""",
        ),
    ],
    "A virtual agent joined the desk: notes from its first quarter": [
        CommentSpec(
            "Marguerite",
            "Lyon",
            """'Confidently wrong' is the phrase. Ours cheerfully told a professor that her
            account had been deleted, because she typed 'remove me from this list'.""",
            replies=(
                CommentSpec(
                    AUTHOR,
                    "",
                    """That made me laugh and then wince, because we had a near relative of it.
                    We now read every conversation in which the agent claims to have done
                    something that cannot be undone, and it has made our articles much more
                    precise.""",
                ),
            ),
        ),
        CommentSpec(
            "Wen",
            "Singapore",
            """Honest write-ups like this are rare. What share of the conversations ended with
            a person taking over?""",
        ),
    ],
    "Burnout arrives as a backlog": [
        CommentSpec(
            "Sam",
            "",
            """Reading this on a Sunday evening with my laptop open, clearing the backlog
            before Monday. I recognised every sign in the first paragraph. Closing the laptop
            now.""",
        ),
        CommentSpec(
            "Thandi",
            "Durban",
            """The one-word ticket notes are so true. It is the first thing I look at now when
            someone on my team goes quiet.""",
        ),
        CommentSpec(
            "Alasdair",
            "Inverness",
            """As a manager, the hard part is that the backlog is also what my own boss judges
            me on. Any advice on making the case upwards would be very welcome.""",
        ),
    ],
    "Standard changes are a promise, not a loophole": [
        CommentSpec(
            "Lotte",
            "Aarhus",
            """We review our catalogue of standard changes every quarter and retire any that
            caused an incident. It keeps the list short and the privilege trusted.""",
        ),
        CommentSpec(
            "Graham",
            "Swindon",
            """Our golden age lasted about six weeks. Then someone decided that opening the
            firewall for a brand-new supplier was a standard change.""",
        ),
    ],
    "The outage everyone read about, and the lessons nobody wrote down": [
        CommentSpec(
            "Matteo",
            "Bologna",
            """We did the same exercise and found that four of the report's seven lessons
            applied to us, including the one about the status page being hosted on the system
            that failed. We moved it the following week.""",
        ),
    ],
    "Chat is not a cheaper phone": [
        CommentSpec(
            "Hana",
            "Brno",
            """Three at once works for password resets and nothing else. Our analysts said it
            felt like playing chess on three boards while someone held a stopwatch.""",
            replies=(
                CommentSpec(
                    "Femi",
                    "London",
                    """Hana, we found the same. The number of chats now depends on the queue:
                    two for general questions, one for anything involving a laptop that will
                    not start.""",
                ),
            ),
        ),
    ],
    "SIAM without the slide deck": [
        CommentSpec(
            "Aroha",
            "Wellington",
            """'Someone must own the whole' is the whole of it. We spent a year on tooling
            before agreeing who that someone was, and then we had to redo the tooling.""",
        ),
        CommentSpec(
            "Kwame",
            "Kumasi",
            """Does a smaller organisation with three or four suppliers need a formal
            integrator at all, or is a named person with the authority enough?""",
        ),
    ],
    "Your first surveillance audit: what the auditor wants to see": [
        CommentSpec(
            "Siobhán",
            "Galway",
            """Ours is in six weeks, and the binder is, yes, on a shelf. Printing this out.
            Thank you, I think.""",
        ),
    ],
    "Hiring for curiosity over certificates": [
        CommentSpec(
            "Gabriel",
            "Curitiba",
            """Theatre logistics is a perfect background. Our best change manager used to
            organise weddings. He says a change window is a wedding with fewer tears.""",
        ),
        CommentSpec(
            "Kerry-Ann",
            "Kingston",
            """How did you get curiosity past the screening? Our applicant tracking system
            filters on certificates before a human sees anything.""",
        ),
    ],
    "Writing knowledge articles at the speed of the call": [
        CommentSpec(
            "Dev",
            "Pune",
            """Eleven hundred uses with a typo in the title. I will be quoting this at our next
            knowledge board, where we spend forty minutes a month on fonts.""",
            replies=(
                CommentSpec(
                    AUTHOR,
                    "",
                    """Please do. We fixed the typo eventually and the usage did not change at
                    all, which tells you what readers are looking for.""",
                ),
            ),
        ),
        CommentSpec(
            "Leilani",
            "Honolulu",
            """We let analysts publish straight from the call with a 'rough draft' label, and
            a senior colleague reviews each one within a week. The quality is fine and we have
            three times as many articles.""",
        ),
    ],
    "Feature flags belong in the change record": [
        CommentSpec(
            "Stefan",
            "Graz",
            """Our auditors asked exactly this last year: where is the record of the flag that
            switched the feature on? We had no answer. Flags now have a lightweight change type
            of their own.""",
        ),
    ],
    "Satisfaction surveys people actually answer": [
        CommentSpec(
            "Marta",
            "Valencia",
            """What was the single question? We are about to redesign our survey and I would
            love to borrow it.""",
        ),
        CommentSpec(
            "Ollie",
            "Bristol",
            """Sending at a better moment is the underrated part. We moved ours from 'ticket
            closed' to 'three days after closing, if not reopened', and the answers became far
            more honest.""",
        ),
    ],
    "What I heard at ServiceCon, and what I did not": [
        CommentSpec(
            "Nadia",
            "Montréal",
            """Sorry I missed you in the corridor! The apprenticeship session on day two was my
            highlight: a full room, most of it under thirty, which felt like progress.""",
        ),
    ],
    "The best ServiceCon session happened in the corridor": [
        CommentSpec(
            "Femi",
            "London",
            """So who should be woken up? Asking for a release manager who has been woken for
            three cloud region outages this year, none of them his.""",
        ),
        CommentSpec(
            "Lotte",
            "Aarhus",
            "The corridor track is the only one I never skip.",
        ),
    ],
    "Cloud bills are a supplier relationship too": [
        CommentSpec(
            "Pieter",
            "Utrecht",
            """A third unexplained sounds about right. We found two test environments that had
            been running since a proof of concept four years earlier.""",
        ),
    ],
    "Managers who still take a shift on the desk": [
        CommentSpec(
            "Bashir",
            "Manchester",
            """Our head of IT did this once, for the photographs. Your version, every month and
            without a camera, is the one that counts.""",
        ),
    ],
    "Shift rotas that people can live with": [
        CommentSpec(
            "Thandi",
            "Durban",
            """We let the team swap shifts freely as long as cover holds, and sickness fell
            noticeably. The tool still builds the first draft, but people own the final
            one.""",
        ),
    ],
    "COBIT for people who think they do not need it": [
        CommentSpec(
            "Graham",
            "Swindon",
            """I expected to disagree with this and did not. 'Who decides, and on what basis'
            is the question our board cannot answer either.""",
        ),
    ],
    "Search logs are the survey you never had to send": [
        CommentSpec(
            "Ruth",
            "Norwich",
            """Did you find people search in very different words from your article titles?
            Ours type 'laptop won't wake up', and our article is called 'Power state
            troubleshooting'.""",
        ),
    ],
    "Exit clauses are written for the bad day": [
        CommentSpec(
            "Ahmed",
            "Cairo",
            """'Reasonable assistance' cost us eight months and a lawyer. This should be read
            before every signature.""",
        ),
    ],
    "Change freezes and what they hide": [
        CommentSpec(
            "Agnieszka",
            "Kraków",
            """We saw the same spike after every Christmas freeze. Now we run a 'slush'
            instead: standard changes continue, everything else waits, and the January pile-up
            is much smaller.""",
        ),
    ],
    "The mentor I needed at twenty-three": [
        CommentSpec(
            "Yasmin",
            "Birmingham",
            "I am twenty-four and on a night shift. This was the letter I needed. Thank you.",
        ),
    ],
    "Why first-contact resolution stopped being my favourite number": [
        CommentSpec(
            "Callum",
            "Dundee",
            """The same fault fixed forty times by forty people, each of them successful, is
            the best description of a broken measure I have read.""",
        ),
    ],
    "Goodbye, and thanks for all the arguments": [
        CommentSpec(
            "Siobhán",
            "Galway",
            """Henrik, your column about mainframe night shifts was the first thing I ever read
            here, and I have been arguing with you ever since. Enjoy the garden.""",
        ),
        CommentSpec(
            "Graham",
            "Swindon",
            """I disagreed with you about service strategy for at least five years. I still
            think I was right. I will miss the argument. All the best.""",
            replies=(
                CommentSpec(
                    AUTHOR,
                    "",
                    """Graham, you were wrong, but you were wrong thoughtfully, which is the
                    best kind.

                    Thank you all for these messages. The broadband is every bit as slow as I
                    hoped.""",
                ),
            ),
        ),
        CommentSpec(
            "Eero",
            "Tampere",
            """From one Nordic operations veteran to another: thank you. The slow broadband is
            the right choice.""",
        ),
        CommentSpec(
            "Jo",
            "Hobart",
            """Your piece on framework fatigue is still pinned above my desk. Happy
            retirement.""",
        ),
        CommentSpec(
            "Kwame",
            "Kumasi",
            "Twelve years of columns, and not one of them dull. Please write the book.",
        ),
    ],
    "Service credits do not buy back trust": [
        CommentSpec(
            "Paddy",
            "Cork",
            """Ours was €37.50. We framed the credit note and hung it in the room where we hold
            supplier reviews. It focused minds on both sides.""",
        ),
    ],
    "What the certificate does not certify": [
        CommentSpec(
            "Wen",
            "Singapore",
            """The point about scope is crucial. We chose a certified supplier and discovered
            later that the certificate covered a data centre in another country, not the
            service we were buying.""",
        ),
    ],
    "Writing is a service management skill": [
        CommentSpec(
            "Marguerite",
            "Lyon",
            """Completely agree. We now run a half-day course on writing incident updates, and
            it is the most requested training we offer.""",
        ),
    ],
    "The rollback plan that was never tested": [
        CommentSpec(
            "Sunil",
            "Leicester",
            """'Nine hours and no.' I read this aloud at our change board. We now rehearse the
            rollback of every major change, starting with the ones people are sure would
            work.""",
        ),
    ],
    "The password reset that ate a whole quarter": [
        CommentSpec(
            "Ollie",
            "Bristol",
            """The page that reset itself! We had a very similar afternoon. Enrolment is the
            real project; the tool is the easy part.""",
        ),
    ],
    "Practices, not processes: living with the new vocabulary": [
        CommentSpec(
            "Mariana",
            "Porto",
            "So what changed your mind in the end? I am still in the eye-rolling phase.",
        ),
    ],
    "Notes for a new CIO's first hundred days": [
        CommentSpec(
            "Chidi",
            "Abuja",
            """Forwarded to a friend who starts as a CIO in March. 'None of it is about
            technology' is the most important line.""",
        ),
    ],
    "Notes from a user group in a church hall": [
        CommentSpec(
            "Aroha",
            "Wellington",
            """We run something similar in the back room of a pub. No sponsors is the secret:
            people say what they actually think.""",
        ),
    ],
    "Bringing the service desk back in-house": [
        CommentSpec(
            "Alasdair",
            "Inverness",
            """We are halfway through the same reversal. The knowledge that left with the
            supplier is the hardest thing to bring back.""",
        ),
    ],
}

# Comments waiting for a moderator: (post title, minutes ago, comment), the newest first.
PENDING = [
    (
        "Watermelon SLAs: green outside, red inside",
        25,
        CommentSpec(
            "Ingrid",
            "Tromsø",
            """We have the opposite: red service levels and happy customers, because the
            targets were set by someone who had never met the customers. A watermelon turned
            inside out?""",
        ),
    ),
    (
        "What a Monday morning queue really tells you",
        5 * 60,
        CommentSpec(
            "Beatriz",
            "São Paulo",
            """Do you read the whole queue or a sample? Ours has about nine hundred open tickets
            on a Monday morning.""",
        ),
    ),
    (
        "Reading ISO/IEC 20000 slowly, one clause at a time",
        9 * 60,
        CommentSpec(
            "Leo",
            "Rotterdam",
            """Which language are you reading it in? The Dutch translation words clause 8.2 in a
            way that started a long argument in our team.""",
        ),
    ),
    (
        "Not tonight: when a change board earns its keep",
        20 * 60,
        CommentSpec(
            "Dev",
            "Pune",
            """How did the team take it the next morning? In my experience the people who
            prepared a change remember a last-minute 'no' for a long time.""",
        ),
    ),
    (
        "The case for answering the phone",
        30 * 60,
        CommentSpec(
            "Mike",
            "Halifax",
            """Anyone who cannot manage a web form should not be let near a computer. Switch
            the phones off and stop wasting money.""",
        ),
    ),
]

# Comments a moderator has marked as spam: (post title, minutes ago, comment).
SPAM = [
    (
        "Your first surveillance audit: what the auditor wants to see",
        3 * 60,
        CommentSpec(
            "Best Exam Dumps",
            "Online",
            """Great post!!! Very informative. Get REAL certification exam dumps, 100% pass
            guaranteed, cheapest price http://exam-dumps.example/ http://exam-dumps.example/buy""",
        ),
    ),
    (
        "Cloud bills are a supplier relationship too",
        14 * 60,
        CommentSpec(
            "Crypto Wealth Team",
            "",
            """Earn $5000 every week from home with our AI trading bot!!! No experience
            needed, start today: https://quick-profit.example/join""",
        ),
    ),
]
