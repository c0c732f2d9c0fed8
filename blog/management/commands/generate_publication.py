"""Generate a large synthetic publication quickly, to measure Masthead at the size of a real one.

By default: 50 columnists, 20,000 posts over six years in 8 categories with 1,000 tags, and
200,000 reader comments in every state. Rows go in with bulk inserts, bypassing ``save()``:
the command fills in what ``Post.save()`` and ``blog.search.reindex_posts()`` would have
stored (sanitised body, ``body_text``, ``body_summary``, ``search_keywords``), then computes
every search vector in one UPDATE and refreshes the planner's statistics.

What it makes can be told apart and removed: its accounts' usernames start with ``gen-``;
``--reset`` deletes them with their columnists, posts and comments, and the categories and
tags of its vocabulary that nothing else uses any more.
"""

import random
import time
from collections import Counter
from datetime import datetime, timedelta
from datetime import time as clock
from itertools import accumulate

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag

from authors.models import Author
from blog.html import clean_body, html_to_text
from blog.management.commands.load_demo import (
    DOCUMENTATION_NETWORKS,
    USER_AGENTS,
    comment_model,
)
from blog.models import Category, Post, TaggedPost, body_text_and_summary
from blog.search import search_keywords
from edge.state import content_changed
from edge.tags import SITE

PREFIX = "gen-"
YEARS = 6
# Distinct bodies, each sanitised once and shared by the posts drawn from it.
BODY_TEMPLATES = 400
# The post that draws the most comments, so that its page shows a long thread.
HOT_POST_COMMENTS = 500
# Shares of top-level comments by state; the rest are approved.
HELD_SHARES = {"pending": 0.05, "rejected": 0.04, "spam": 0.06}
REPLY_SHARE = 0.05
FEATURED_SHARE = 0.005
BATCH_SIZE = 1000
COMMENT_CHUNK = 20_000

CATEGORIES = [
    ("Service desk", "The first line: queues, calls, chat and the people who answer them."),
    ("Change and release", "Weighing, scheduling and shipping changes without drama."),
    ("Problem management", "Root causes, known errors and the incidents that keep coming back."),
    (
        "Standards and frameworks",
        "ITIL, ISO/IEC 20000, COBIT and their neighbours, read by people who apply them.",
    ),
    ("Suppliers and sourcing", "Contracts, outsourcing and keeping several partners honest."),
    ("Cloud and automation", "Platforms, scripts and the service management around them."),
    ("Careers and people", "Hiring, training, rotas and a working life in IT services."),
    ("General news", "Any general news which does not fit in the other categories."),
]
CATEGORY_SLUGS = [slugify(name) for name, _ in CATEGORIES]

FIRST_NAMES = [
    "Aoife", "Bram", "Carys", "Dmitri", "Elena", "Farid", "Greta", "Hamish", "Imani", "Jonas",
    "Kavya", "Lorcan", "Marisol", "Nikhil", "Odette", "Pieter", "Quentin", "Rosalind", "Sunil",
    "Tamsin", "Ulrike", "Vikram", "Wren", "Xavier", "Yasmin",
]  # fmt: skip
LAST_NAMES = [
    "Ashdown", "Brannigan", "Castellano", "Dufresne", "Eklund", "Fairweather", "Gallacher",
    "Halvorsen", "Iyer", "Jablonski", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Okafor",
    "Pennington", "Quarshie", "Rasmussen", "Santangelo", "Thorne", "Underhill", "Valente",
    "Whitlock", "Yeung", "Zielinski",
]  # fmt: skip
TAGLINES = [
    "Running service desks that people are glad to call.",
    "Change without fear, release without heroics.",
    "Reading the frameworks so that you can get on with the work.",
    "Contracts, suppliers and the space between them.",
    "Measuring what matters, and saying so when it does not.",
    "Automation with the service in mind.",
    "Careers, teams and the long game in IT operations.",
    "Problem management for people who like a mystery.",
    "Notes from twenty years of on-call rotas.",
    "Service management for organisations that never stop.",
]
RHYTHMS = [
    "every Monday", "every other Tuesday", "most Wednesdays", "on Thursday mornings",
    "every Friday", "fortnightly", "on the first Monday of the month", "when the queue allows",
]  # fmt: skip
INTRODUCTIONS = [
    "has led IT service teams in banks, hospitals and a city council.",
    "started on a night-shift service desk and now advises boards on digital services.",
    "runs operations for a logistics company with depots on three continents.",
    "audits service management systems and teaches the people who run them.",
    "spent a decade on the supplier side before crossing over to buy services instead.",
    "builds platforms for engineering teams and worries about the people who support them.",
]

# Tags: the plain subjects first, most used, then subjects paired with a facet.
TAG_SUBJECTS = [
    "itil", "service-desk", "incident", "problem", "change", "release", "knowledge", "sla",
    "supplier", "outsourcing", "cloud", "automation", "devops", "metrics", "governance",
    "iso-20000", "cobit", "siam", "capacity", "availability", "continuity", "security",
    "asset", "configuration", "cmdb", "catalogue", "request", "monitoring", "deployment",
    "audit", "risk", "budget", "licensing", "contract", "customer", "self-service", "chatbot",
    "ai", "career", "leadership", "training", "culture", "agile", "lean", "kanban",
    "data-centre", "network", "desktop", "mobile", "field-service", "major-incident",
    "on-call", "shift-left", "portfolio", "value-stream", "observability", "backup",
    "disaster-recovery", "patching", "identity", "access", "onboarding", "offboarding",
    "survey", "experience", "workforce", "hybrid-work", "sustainability", "finops",
    "procurement",
]  # fmt: skip
TAG_FACETS = [
    "management", "metrics", "reporting", "automation", "governance", "tooling", "training",
    "strategy", "costs", "review", "planning", "maturity", "design", "testing",
    "improvement", "ownership", "policy", "roadmap", "case-study", "lessons", "failures",
    "kpis", "culture", "process", "templates", "checklist", "benchmarks", "trends",
]  # fmt: skip

TITLE_PATTERNS = [
    "What {group} can learn from {topic}",
    "Why {topic} stalls, and how to restart it",
    "{Topic}: five questions to ask before you start",
    "The quiet cost of neglecting {topic}",
    "A year of {topic} at a {place} service desk",
    "{Topic} without the jargon",
    "Making the case for {topic} to {group}",
    "Ten lessons from a failed {topic} project",
    "How we measured {topic}, and what the numbers hid",
    "Is {topic} worth the effort?",
    "{Topic} in a hurry: what to keep and what to drop",
    "Notes on {topic} from a {place} conference",
    "When {group} stop trusting {topic}",
    "Getting {topic} right the second time",
    "The {topic} checklist I wish I had been given",
    "Small steps towards better {topic}",
]
TITLE_TOPICS = [
    "incident management", "problem management", "change control", "release planning",
    "the service catalogue", "knowledge management", "self-service", "the CMDB",
    "supplier reviews", "service level agreements", "capacity planning", "major incidents",
    "shift-left support", "on-call rotas", "service reporting", "continual improvement",
    "asset management", "cloud cost control", "automation", "customer surveys",
    "ISO/IEC 20000 certification", "ITIL adoption", "multi-supplier integration",
    "post-incident reviews", "access requests", "the change advisory board",
    "chatbots on the service desk", "hybrid working", "training new analysts",
    "disaster recovery tests", "patching", "contract renewals", "service ownership",
    "the first-time fix rate", "escalation paths", "a new ticketing tool",
]  # fmt: skip
TITLE_GROUPS = [
    "service desk managers", "developers", "finance teams", "auditors", "the board",
    "new analysts", "suppliers", "project managers", "customers", "engineers",
]  # fmt: skip
TITLE_PLACES = [
    "university", "hospital", "city council", "retail bank", "airline", "logistics",
    "manufacturing", "charity", "insurance", "utility",
]  # fmt: skip

SENTENCES = [
    "Most service desks measure how quickly they answer, and far fewer measure whether "
    "the answer helped.",
    "A ticket closed in ten minutes is worth little if the same caller rings back the next "
    "morning with the same fault.",
    "The best analysts I have worked with listen for the question behind the question.",
    "Every queue tells a story about the organisation that feeds it, if anyone cares to read it.",
    "We started by sorting a month of tickets by hand, which was tedious and taught us more "
    "than any dashboard had.",
    "Nobody on the team could say who owned the service, so nobody felt able to fix it.",
    "A change advisory board that approves everything is a ritual, not a control.",
    "The risk of a change is rarely in the code and often in the assumptions around it.",
    "Standard changes exist so that the board can spend its time on the unusual ones.",
    "Release calendars are only useful when the people who break them suffer for it.",
    "We learned to schedule changes for the morning, when the people who made them are "
    "awake to watch.",
    "Problem management is the discipline of asking why until the answer becomes uncomfortable.",
    "A known error with a good workaround is better than a root cause nobody has time to remove.",
    "Recurring incidents are a tax the organisation pays every week without noticing.",
    "The post-incident review worked because nobody was looking for someone to blame.",
    "Timelines drawn from chat logs were more honest than the ones written from memory.",
    "Frameworks describe what good looks like; they do not tell you where to begin.",
    "ITIL is a library, and nobody reads a library from the first shelf to the last.",
    "Certification against ISO/IEC 20000 gave the team a reason to write down what they "
    "already did.",
    "An audit is most useful when the people audited are allowed to disagree with it.",
    "COBIT helped the board ask better questions, even if the answers took a year.",
    "Contracts are written for the day things go wrong, and read only on that day.",
    "The supplier met every target in the agreement and the users were still unhappy.",
    "Service credits compensate the customer for a bad month but rarely prevent the next one.",
    "We asked our suppliers to attend each other's reviews, and the finger-pointing stopped "
    "within a quarter.",
    "Multi-supplier integration fails at the handovers, never in the middle of a process.",
    "Outsourcing a mess produces a more expensive mess with a longer notice period.",
    "Cloud platforms moved the work rather than removing it.",
    "An automated runbook is only as good as the judgement of the person who wrote it.",
    "The first thing we automated was password resets, and it freed a whole person each week.",
    "Monitoring that raises a thousand alerts a day is the same as no monitoring at all.",
    "Engineers and service managers want the same thing and describe it in different words.",
    "A chatbot that cannot hand over to a person gracefully will be abandoned within a month.",
    "Knowledge articles age faster than anyone expects, especially the popular ones.",
    "The article that helped most was four lines long and had a screenshot.",
    "Self-service works when it is quicker than phoning, and not otherwise.",
    "Customers judge the service by the worst interaction they remember.",
    "Satisfaction surveys sent a week later measure memory rather than service.",
    "A service level agreement should be short enough to read on a train journey.",
    "Targets set without the people who have to meet them are rarely met for long.",
    "We replaced twelve metrics with three and found that the conversation improved.",
    "Averages hide the callers who waited an hour, and those are the ones who complain.",
    "The dashboard was green while the finance team was quietly building its own system.",
    "Capacity planning is easier when the business tells you its plans before it makes them.",
    "Availability figures look better when the maintenance windows are left out of them.",
    "A disaster recovery test that has never failed has probably never been real.",
    "The backup was fine; it was the restore that nobody had practised.",
    "Patching on a fixed rhythm turned an argument into a habit.",
    "Access requests piled up because the approvers had never been told they were approvers.",
    "The configuration database was accurate for a week after every audit.",
    "Asset registers are best kept by the people who buy the assets.",
    "Licences were cheaper to count than to pay for twice.",
    "A service catalogue is a promise, and it should read like one.",
    "We wrote the catalogue in the customers' words, and requests doubled in clarity.",
    "Onboarding a new analyst took six weeks until we let them shadow calls on day one.",
    "Training that ends with a certificate and no practice is soon forgotten.",
    "Career paths on the service desk are short unless someone builds them on purpose.",
    "The analysts who left did not leave for money; they left because nothing changed.",
    "On-call rotas should be designed by the people who carry the phone.",
    "Burnout starts long before anyone takes a day off sick.",
    "Good leaders protect the team's time for improvement as fiercely as its time for incidents.",
    "A team that never has time to improve will always be busy.",
    "Hybrid working changed how calls arrive more than how many arrive.",
    "The busiest hour of the week was Monday at nine, and it always had been.",
    "We moved two analysts to the early shift and the morning backlog disappeared.",
    "Shift-left means giving the first line the knowledge, not just the tickets.",
    "Escalation should feel like asking a colleague, not filing a complaint.",
    "The second line was not slow; it was drowning in work the first line could have done.",
    "Priority matrices are useful until everyone learns which words make a ticket urgent.",
    "Major incidents need one voice to the business and many hands behind it.",
    "The bridge call worked better once we stopped inviting everyone to it.",
    "Communication during an outage matters more than its length to most users.",
    "Every status page update should say when the next one will come.",
    "Value streams showed us that most of the waiting happened between teams.",
    "Lean taught us to see the queue as inventory, and inventory as waste.",
    "Agile teams still need change control; they just need it to be fast.",
    "DevOps did not remove operations; it asked developers to care about them.",
    "Observability is the difference between knowing a service is down and knowing why.",
    "FinOps turned cloud bills from a surprise into a conversation.",
    "Sustainability targets are arriving in service contracts faster than most expect.",
    "The board asked for one number, and we gave it three with an explanation.",
    "Governance is how an organisation decides who decides.",
    "Policies nobody can find are policies nobody follows.",
    "A roadmap is a list of intentions, and it should be honest about that.",
    "The pilot succeeded because the team chose its most sceptical users to try it.",
    "Tools do not fix processes, but a bad tool can break a good one.",
    "We spent a year choosing a ticketing tool and a week deciding how to use it.",
    "Data migration took longer than the rest of the project put together.",
    "Templates help new staff and bore experienced ones, so keep them short.",
    "Checklists work because they are dull, and they save us on the days we are tired.",
    "Benchmarks against other organisations are comforting and usually misleading.",
    "The trend mattered more than the figure in any single month.",
    "Improvement registers grow forever unless someone is allowed to close items.",
    "Small improvements each week beat a transformation programme every three years.",
]
HEADINGS = [
    "Where we started", "What the numbers said", "What we changed", "The first month",
    "What went wrong", "What surprised us", "The people involved", "A question of ownership",
    "Counting the cost", "What the users noticed", "The part nobody planned",
    "Lessons for next time", "How the suppliers responded", "What the board asked",
    "Tools and habits", "Making it stick", "A word on metrics", "The hidden queue",
    "Before and after", "What I would do differently", "Why it matters now",
    "The view from the first line", "Risks worth taking", "The second attempt",
]  # fmt: skip
LIST_INTROS = [
    "Three things made the difference:",
    "If you are starting out, begin with these:",
    "The questions we now ask every time:",
    "What we stopped doing:",
    "A short checklist, tested the hard way:",
    "Signs that the process needs attention:",
]
LIST_ITEMS = [
    "Name an owner for every service, and publish the name.",
    "Review the ten most frequent incidents each month.",
    "Ask callers whether the problem was solved, not whether they were happy.",
    "Keep knowledge articles short and dated.",
    "Agree the maintenance windows with the business, in writing.",
    "Practise the restore, not just the backup.",
    "Give the first line time to write down what they learn.",
    "Invite suppliers to each other's service reviews.",
    "Retire one metric for every one you add.",
    "Schedule changes when the people who made them are awake.",
    "Make standard changes truly standard, and pre-approve them.",
    "Track the time tickets spend waiting between teams.",
    "Let the on-call team design the rota.",
    "Write the service catalogue in the customers' words.",
    "Close improvement items, even the ones you will never do.",
    "Send the satisfaction survey the day the ticket closes.",
    "Publish a status update at a promised time during outages.",
    "Check licences before renewing the contract.",
    "Test the disaster recovery plan with a real failover.",
    "Shadow calls before touching the ticketing tool.",
    "Report trends, not single months.",
    "Keep policies where people already look for help.",
    "Count the work that arrives outside the ticketing tool.",
    "Ask the most sceptical users to try the pilot first.",
]
QUOTES = [
    ("The queue is the voice of the customer, if you listen to it.", "a service desk lead"),
    ("We were measuring our speed, not their progress.", "an IT director"),
    ("Nobody remembers a smooth change; everybody remembers a bad one.", "a release manager"),
    ("The contract was perfect and the service was not.", "a sourcing adviser"),
]
CLOSERS = [
    "None of this is new, and that is rather the point: the basics still decide most outcomes.",
    "I would be glad to hear how others have approached this; the comments are open.",
    "Next time I will look at what happened six months later, when the attention moved on.",
    "It is slow work, and it is the work that lasts.",
    "If you try any of this, start small and write down what you learn.",
]

COMMENT_SENTENCES = [
    "We had exactly the same experience with our change board last year.",
    "This matches what I see on our service desk every Monday morning.",
    "I am not sure I agree about the metrics, but the point about ownership is spot on.",
    "Thank you for writing this up; I am sharing it with my team.",
    "Did you find the suppliers willing to attend each other's reviews at first?",
    "Our auditors would have a lot to say about that approach.",
    "The part about knowledge articles ageing rang very true.",
    "We tried a chatbot and withdrew it after three months for the reasons you describe.",
    "How did you persuade the business to agree the maintenance windows?",
    "In my experience the second line is often the bottleneck, not the first.",
    "Great article, as always.",
    "I would add that training the approvers matters as much as training the analysts.",
    "This is the best explanation of shift-left I have read.",
    "We replaced our satisfaction survey with one question and got far more answers.",
    "Would you be willing to share the checklist?",
    "Spot on about restores: we discovered ours did not work during a real outage.",
    "Our on-call rota improved enormously once the engineers designed it.",
    "I think you underestimate how hard it is to change a contract mid-term.",
    "We saw the same pattern after moving to hybrid working.",
    "Interesting, but how does this scale to a team of three?",
    "The comparison with inventory is very useful; I will borrow it.",
    "I have forwarded this to our CIO with a note saying read this.",
    "Counting the work that arrives outside the tool was an eye-opener for us too.",
    "We are about to start a tool replacement, so this is timely.",
]
SPAM_BODIES = [
    "Cheap licences for every product, visit our site for the best prices today.",
    "Earn money from home answering tickets, no experience needed, click here.",
    "Great post! Check out my blog about crypto service desks for amazing returns.",
]
READER_NAMES = [
    "Rebeca", "Tom", "Anjali", "Marco", "Siobhan", "Kwame", "Helga", "Liam", "Fatima", "Oskar",
    "Mei", "Jorge", "Priya", "Dariusz", "Chloe", "Yusuf", "Ingrid", "Mateo", "Niamh", "Ravi",
    "Sofia", "Graham", "Amara", "Henrik", "Lucy", "Tariq", "Beatriz", "Callum", "Zainab",
    "Pavel", "Hannah", "Emeka", "Astrid", "Diego", "Fiona", "Kenji", "Leila", "Robert",
]  # fmt: skip
READER_PLACES = [
    "México", "Leeds", "Pune", "Milan", "Cork", "Accra", "Bergen", "Glasgow", "Lagos",
    "Malmö", "Taipei", "Bogotá", "Bangalore", "Kraków", "Lyon", "Nairobi", "Oslo", "Sevilla",
    "Galway", "Chennai", "Lisbon", "Manchester", "Toronto", "Utrecht", "Osaka", "Cardiff", "",
]  # fmt: skip


class Command(BaseCommand):
    help = (
        "Generate a large synthetic publication with bulk inserts, to measure the site at "
        "scale: columnists, posts, categories, tags and reader comments. Its accounts' "
        "usernames start with “gen-”; --reset deletes what an earlier run generated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authors", type=int, default=50, help="Columnists (50).")
        parser.add_argument("--posts", type=int, default=20_000, help="Posts (20,000).")
        parser.add_argument("--comments", type=int, default=200_000, help="Comments (200,000).")
        parser.add_argument("--tags", type=int, default=1_000, help="Tags (1,000).")
        parser.add_argument("--seed", type=int, default=20_260_101, help="Random seed.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the publication generated earlier first; with --posts 0, only delete.",
        )

    def handle(self, *args, authors, posts, comments, tags, seed, reset, **options):
        if min(authors, posts, comments, tags) < 0:
            raise CommandError("Counts cannot be negative.")
        if posts and not (authors and tags):
            raise CommandError("Posts need at least one author and one tag.")
        if len(tag_vocabulary()) < tags:
            raise CommandError(f"At most {len(tag_vocabulary())} tags can be generated.")
        started = time.monotonic()
        present = generated_users().count()
        if present and not reset:
            raise CommandError(
                f"A generated publication is already here ({present} gen- accounts). Run "
                "with --reset to delete it and generate afresh."
            )
        with transaction.atomic():
            if reset:
                removed = remove_generated()
                self.stdout.write(f"Removed the generated publication: {removed}.")
            counts = {}
            if posts:
                generator = PublicationGenerator(
                    rng=random.Random(seed),
                    now=timezone.now(),
                    log=lambda text: self.stdout.write(f"  {text} ({elapsed(started)})"),
                )
                counts = generator.generate(
                    authors=authors, posts=posts, comments=comments, tags=tags
                )
        refresh_statistics()
        content_changed(SITE)
        if counts:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {counts['authors']} columnists, {counts['posts']} posts "
                    f"({counts['published']} published, {counts['scheduled']} scheduled, "
                    f"{counts['drafts']} drafts), {counts['categories']} categories, "
                    f"{counts['tags']} tags on {counts['tagged']} tag links, "
                    f"{counts['comments']} comments ({describe(counts['by_status'])}; "
                    f"{counts['replies']} replies) in {elapsed(started)}."
                )
            )
        else:
            self.stdout.write(f"Nothing generated ({elapsed(started)}).")


def elapsed(started):
    return f"{time.monotonic() - started:.1f} s"


def describe(counter):
    return ", ".join(f"{count} {status}" for status, count in sorted(counter.items()))


def generated_users():
    return get_user_model().objects.filter(username__startswith=PREFIX)


def tag_vocabulary():
    """Return every tag name the generator may use, the most used first."""
    combined = [f"{subject}-{facet}" for facet in TAG_FACETS for subject in TAG_SUBJECTS]
    return [*TAG_SUBJECTS, *combined]


def remove_generated():
    """Delete the generated accounts, columnists, posts and comments, and orphaned terms."""
    users = generated_users()
    authors = Author.objects.filter(user__in=users)
    posts = Post.objects.filter(author__in=authors)
    counts = {"posts": posts.count()}
    Comment = comment_model()
    if Comment is not None:
        comments = Comment.objects.filter(post__in=posts)
        counts["comments"] = comments.count()
        # One DELETE each, replies first so that no row outlives its parent: delete() would
        # fetch all 200,000 comments to cascade to their replies, and take three times as long.
        comments.filter(parent__isnull=False)._raw_delete(comments.db)
        comments._raw_delete(comments.db)
    posts.delete()
    counts["columnists"] = authors.delete()[0]
    unused = {"blog_taggedpost_items__isnull": True, "taggit_taggeditem_items__isnull": True}
    counts["tags"] = Tag.objects.filter(name__in=tag_vocabulary(), **unused).delete()[0]
    counts["categories"] = Category.objects.filter(
        slug__in=CATEGORY_SLUGS, posts__isnull=True
    ).delete()[0]
    counts["accounts"] = users.count()
    users.delete()
    return ", ".join(f"{count} {label}" for label, count in counts.items())


def refresh_statistics():
    """Give the query planner fresh statistics (and PostgreSQL clean pages) for the new rows."""
    tables = [Post._meta.db_table, TaggedPost._meta.db_table, Tag._meta.db_table]
    Comment = comment_model()
    if Comment is not None:
        tables.append(Comment._meta.db_table)
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # The UPDATEs left a dead version of each post; VACUUM clears them too.
                cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(table)}")
            else:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


class PublicationGenerator:
    """Build the rows of a synthetic publication and insert them in bulk."""

    def __init__(self, *, rng, now, log):
        self.rng = rng
        self.now = now
        self.log = log

    def generate(self, *, authors, posts, comments, tags):
        authors = self.create_authors(authors)
        self.log(f"{len(authors)} columnists")
        categories = self.create_categories()
        tags = self.create_tags(tags)
        self.log(f"{len(categories)} categories, {len(tags)} tags")
        posts, tagged = self.create_posts(posts, authors, categories, tags)
        self.log(f"{len(posts)} posts, {tagged} tag links")
        generated = Post.objects.filter(author__in=authors)
        # bulk_create stamps created_at and updated_at with now: date them as their authors did.
        generated.filter(published_at__lte=self.now).update(
            created_at=F("published_at") - timedelta(hours=3), updated_at=F("published_at")
        )
        generated.refresh_search_vector()
        self.log("search vectors")
        by_status, replies = self.create_comments(comments, posts)
        self.log(f"{sum(by_status.values())} comments")
        dated = [post.published_at for post in posts if post.published_at]
        published = sum(1 for at in dated if at <= self.now)
        return {
            "authors": len(authors),
            "posts": len(posts),
            "published": published,
            "scheduled": len(dated) - published,
            "drafts": len(posts) - len(dated),
            "categories": len(categories),
            "tags": len(tags),
            "tagged": tagged,
            "comments": sum(by_status.values()),
            "by_status": by_status,
            "replies": replies,
        }

    def create_authors(self, count):
        User = get_user_model()
        rng = self.rng
        names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
        rng.shuffle(names)
        taken = set(Author.objects.values_list("slug", flat=True))
        users, authors = [], []
        for index in range(count):
            name = names[index % len(names)]
            if index >= len(names):
                name = f"{name} {index // len(names) + 1}"
            slug = unique_slug(slugify(name), taken, 100)
            first_name, last_name = name.split(" ", 1)
            user = User(
                username=f"{PREFIX}{slug}"[:150],
                first_name=first_name,
                last_name=last_name,
                email=f"{slug}@example.com",
                is_staff=True,
            )
            user.set_unusable_password()
            users.append(user)
            authors.append(
                Author(
                    display_name=name,
                    slug=slug,
                    tagline=rng.choice(TAGLINES),
                    introduction=f"{first_name} {rng.choice(INTRODUCTIONS)} "
                    f"{rng.choice(SENTENCES)}",
                    rhythm=rng.choice(RHYTHMS),
                    blog_roll_order=(index + 1) * 10,
                    # A few have retired: their blogs stay, off the blog roll.
                    is_active=rng.random() > 0.1,
                )
            )
        User.objects.bulk_create(users, batch_size=BATCH_SIZE)
        for user, author in zip(users, authors, strict=True):
            author.user = user
        Author.objects.bulk_create(authors, batch_size=BATCH_SIZE)
        group = Group.objects.filter(name="Authors").first()
        if group is not None:
            Membership = User.groups.through
            Membership.objects.bulk_create(
                [Membership(user_id=user.pk, group_id=group.pk) for user in users],
                batch_size=BATCH_SIZE,
            )
        # Moderators decide comments: one generated moderator signs the decisions.
        self.moderator = User(username=f"{PREFIX}moderator", is_staff=True)
        self.moderator.set_unusable_password()
        self.moderator.save()
        return authors

    def create_categories(self):
        categories = []
        for (name, description), slug in zip(CATEGORIES, CATEGORY_SLUGS, strict=True):
            category, _ = Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description}
            )
            categories.append(category)
        return categories

    def create_tags(self, count):
        names = tag_vocabulary()[:count]
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
        taken_slugs = set(
            Tag.objects.filter(slug__in=[slugify(n) for n in names]).values_list("slug", flat=True)
        )
        new = []
        for name in names:
            if name not in existing:
                new.append(Tag(name=name, slug=unique_slug(slugify(name), taken_slugs, 100)))
        Tag.objects.bulk_create(new, batch_size=BATCH_SIZE)
        by_name = {**existing, **{tag.name: tag for tag in new}}
        return [by_name[name] for name in names]

    def create_posts(self, count, authors, categories, tags):
        rng, now = self.rng, self.now
        handful = max(1, min(10, count // 20))
        drafts = handful if count > 2 * handful else 0
        scheduled = handful if count > 2 * handful else 0
        published = count - drafts - scheduled

        times = []
        for _ in range(published):
            day = timezone.localdate(now) - timedelta(days=rng.randint(1, YEARS * 365))
            at = clock(rng.randint(7, 18), rng.randrange(0, 60, 5))
            times.append(datetime.combine(day, at, tzinfo=timezone.get_current_timezone()))
        times.sort()
        for _ in range(scheduled):
            day = timezone.localdate(now) + timedelta(days=rng.randint(1, 30))
            at = datetime.combine(day, clock(9), tzinfo=timezone.get_current_timezone())
            times.append(at)
        times += [None] * drafts

        author_weights = list(accumulate(rng.uniform(0.3, 3) for _ in authors))
        category_weights = list(accumulate(rng.uniform(0.5, 2) for _ in categories))
        # Zipf-like: the tag ranked n is used about 1/n as often as the first.
        tag_weights = list(accumulate(1 / rank for rank in range(1, len(tags) + 1)))
        bodies = [self.compose_body() for _ in range(min(BODY_TEMPLATES, count))]
        taken = set(Post.objects.values_list("slug", flat=True))

        posts, post_tags = [], []
        for published_at in times:
            author = rng.choices(authors, cum_weights=author_weights)[0]
            title = self.title()
            body, body_text, body_summary = rng.choice(bodies)
            wanted = rng.randint(2, min(5, len(tags)))
            chosen = []
            while len(chosen) < wanted:
                tag = rng.choices(tags, cum_weights=tag_weights)[0]
                if tag not in chosen:
                    chosen.append(tag)
            is_public = published_at is not None and published_at <= now
            posts.append(
                Post(
                    title=title,
                    slug=unique_slug(slugify(title), taken, 200),
                    author=author,
                    category=rng.choices(categories, cum_weights=category_weights)[0],
                    excerpt=self.excerpt() if rng.random() < 0.5 else "",
                    body=body,
                    body_text=body_text,
                    body_summary=body_summary,
                    search_keywords=search_keywords(author.display_name, [t.name for t in chosen]),
                    status=Post.Status.PUBLISHED if published_at else Post.Status.DRAFT,
                    published_at=published_at,
                    is_featured=is_public and rng.random() < FEATURED_SHARE,
                )
            )
            post_tags.append(chosen)
        Post.objects.bulk_create(posts, batch_size=BATCH_SIZE)
        links = [
            TaggedPost(content_object_id=post.pk, tag_id=tag.pk)
            for post, chosen in zip(posts, post_tags, strict=True)
            for tag in chosen
        ]
        TaggedPost.objects.bulk_create(links, batch_size=BATCH_SIZE * 5)
        return posts, len(links)

    def title(self):
        rng = self.rng
        topic = rng.choice(TITLE_TOPICS)
        pattern = rng.choice(TITLE_PATTERNS)
        return pattern.format(
            topic=topic,
            Topic=topic[0].upper() + topic[1:],
            group=rng.choice(TITLE_GROUPS),
            place=rng.choice(TITLE_PLACES),
        )

    def excerpt(self):
        return " ".join(self.rng.sample(SENTENCES, self.rng.randint(1, 2)))

    def paragraph(self, sentences):
        return f"<p>{escape(' '.join(self.rng.sample(SENTENCES, sentences)))}</p>"

    def compose_body(self):
        """Return a body of 600 to 1,200 words, its text and summary, as Post.save() stores them."""
        rng = self.rng
        target = rng.randint(600, 1200)
        parts = [self.paragraph(rng.randint(3, 5))]
        headings = rng.sample(HEADINGS, len(HEADINGS))
        has_list = has_quote = False
        while len(html_to_text("".join(parts)).split()) < target - 60:
            parts.append(f"<h2>{escape(headings.pop())}</h2>")
            for _ in range(rng.randint(1, 2)):
                parts.append(self.paragraph(rng.randint(4, 6)))
            if not has_list and rng.random() < 0.5:
                has_list = True
                tag = rng.choice(["ul", "ol"])
                items = "".join(
                    f"<li>{escape(item)}</li>" for item in rng.sample(LIST_ITEMS, rng.randint(3, 6))
                )
                parts.append(f"<p>{escape(rng.choice(LIST_INTROS))}</p><{tag}>{items}</{tag}>")
            elif not has_quote and rng.random() < 0.3:
                has_quote = True
                quote, source = rng.choice(QUOTES)
                parts.append(
                    f"<blockquote><p>“{escape(quote)}”</p><p>— {escape(source)}</p></blockquote>"
                )
        parts.append(f"<p>{escape(rng.choice(CLOSERS))}</p>")
        body = clean_body("\n".join(parts))
        return body, *body_text_and_summary(body)

    def create_comments(self, count, posts):
        """Insert count comments on published posts, in every state, about 5% of them replies."""
        Comment = comment_model()
        if Comment is None or not count:
            return Counter(), 0
        rng, now = self.rng, self.now
        public = [post for post in posts if post.published_at and post.published_at <= now]
        if not public:
            return Counter(), 0
        replies = round(count * REPLY_SHARE)
        top = count - replies
        statuses = []
        for status, share in HELD_SHARES.items():
            statuses += [status] * max(1, round(top * share)) if top >= 20 else []
        statuses += ["approved"] * (top - len(statuses))
        rng.shuffle(statuses)

        # One post about a month old draws a long thread; the rest share the others.
        month_ago = now - timedelta(days=30)
        self.hot_post = min(public, key=lambda post: abs(post.published_at - month_ago))
        hot = min(HOT_POST_COMMENTS, top // 10)
        weights = list(accumulate(min(rng.paretovariate(1.2), 40) for _ in public))
        readers = self.readers(max(50, count // 40))

        by_status, reply_count = Counter(), 0
        for start in range(0, top, COMMENT_CHUNK):
            chunk_statuses = statuses[start : start + COMMENT_CHUNK]
            threads = []
            for index, status in enumerate(chunk_statuses, start=start):
                if index < hot:
                    post, status = self.hot_post, "approved"
                else:
                    post = rng.choices(public, cum_weights=weights)[0]
                threads.append(self.comment(Comment, post, status, rng.choice(readers)))
            Comment.objects.bulk_create(threads, batch_size=BATCH_SIZE)
            by_status.update(comment.status for comment in threads)

            # This chunk's share of the replies, each to an approved comment of the chunk.
            share = round(replies * (start + len(chunk_statuses)) / top) - reply_count
            approved = [c for c in threads if c.status == "approved"]
            answers = []
            for _ in range(share if approved else 0):
                parent = rng.choice(approved)
                answers.append(self.reply(Comment, parent, rng.choice(readers)))
            Comment.objects.bulk_create(answers, batch_size=BATCH_SIZE)
            by_status.update(comment.status for comment in answers)
            reply_count += len(answers)
        return by_status, reply_count

    def readers(self, count):
        """Return commenters who keep one name, place, address and IP address each."""
        rng = self.rng
        readers = []
        for number in range(count):
            name = rng.choice(READER_NAMES)
            readers.append(
                (
                    name,
                    rng.choice(READER_PLACES),
                    f"{name.lower()}.{number}@example.org",
                    f"{DOCUMENTATION_NETWORKS[number % 3]}.{number // 3 % 250 + 1}",
                    USER_AGENTS[number % len(USER_AGENTS)],
                )
            )
        return readers

    def comment(self, Comment, post, status, reader):
        rng, now = self.rng, self.now
        name, place, email, ip, agent = reader
        if status == "pending":
            # Held comments are recent: moderators clear the queue within days.
            earliest = max(post.published_at, now - timedelta(days=3))
            created = earliest + (now - earliest) * rng.random()
        else:
            window = min(now - post.published_at, timedelta(days=14))
            created = post.published_at + window * rng.uniform(0.02, 1) ** 2
        if status == "spam":
            body = rng.choice(SPAM_BODIES)
        else:
            body = " ".join(rng.sample(COMMENT_SENTENCES, rng.randint(1, 4)))
        comment = Comment(
            post=post,
            name=name,
            email=email,
            location=place,
            body=body,
            status=status,
            spam_reason="Akismet" if status == "spam" else "",
            ip_address=ip,
            user_agent=agent,
            created_at=created,
        )
        if status != "pending":
            delay = timedelta(minutes=rng.randint(5, 9 * 60))
            comment.decided_at = min(created + delay, now)
            comment.decided_by = self.moderator
        return comment

    def reply(self, Comment, parent, reader):
        rng, now = self.rng, self.now
        post = parent.post
        created = parent.created_at + (now - parent.created_at) * rng.uniform(0.001, 0.05)
        if rng.random() < 0.3:
            # The columnist answers; their own comments need no moderator.
            author = post.author
            return Comment(
                post=post,
                parent=parent,
                user_id=author.user_id,
                name=author.display_name,
                email=author.user.email,
                body=" ".join(rng.sample(COMMENT_SENTENCES, rng.randint(1, 2))),
                is_by_post_author=True,
                status="approved",
                created_at=created,
                decided_at=created,
            )
        status = "pending" if rng.random() < 0.1 else "approved"
        reply = self.comment(Comment, post, status, reader)
        reply.parent = parent
        reply.created_at = created
        if status == "approved":
            reply.decided_at = min(created + timedelta(minutes=rng.randint(5, 240)), now)
        return reply


def unique_slug(slug, taken, max_length):
    """Return slug, or slug with a number, unused in taken; add it to taken."""
    slug = slug[:max_length] or "untitled"
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = f"{slug[: max_length - len(suffix)]}{suffix}"
    taken.add(candidate)
    return candidate
