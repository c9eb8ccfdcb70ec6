"""Build test data through the same workflows the views use (quire.works.services)."""

from quire.accounts import policies
from quire.accounts.models import User
from quire.works import services
from quire.works.models import Chapter, Work


def make_user(username: str, password: str = "correct-horse-battery", **extra) -> User:
    """A user as sign-up leaves them once they confirmed their address: the current
    terms and privacy policy accepted (else every page would ask them first)."""
    user = User.objects.create_user(username, f"{username}@example.org", password, **extra)
    policies.accept_current(user)
    return user


def make_work(
    author: User,
    title: str = "A Lantern in the Orchard",
    *,
    chapters: list[str] | None = None,
    rating: str = "General Audiences",
    warnings: tuple[str, ...] = ("No Archive Warnings Apply",),
    fandoms: tuple[str, ...] = ("Original Work",),
    characters: tuple[str, ...] = (),
    relationships: tuple[str, ...] = (),
    freeforms: tuple[str, ...] = (),
    draft: bool = False,
    restricted: bool = False,
    anonymous: bool = False,
    hidden: bool = False,
    cocreators: tuple[User, ...] = (),
    **fields,
) -> Work:
    work = Work.objects.create(
        title=title, restricted=restricted, anonymous=anonymous, hidden_by_moderator=hidden, **fields
    )
    services.add_creator(work, author.default_pseud, accepted=True)
    for user in cocreators:
        services.add_creator(work, user.default_pseud, accepted=True, invited_by=author)
    services.set_tags(
        work,
        {
            "rating": [rating],
            "warning": list(warnings),
            "fandom": list(fandoms),
            "character": list(characters),
            "relationship": list(relationships),
            "freeform": list(freeforms),
        },
    )
    for position, text in enumerate(chapters or ["The lantern swung once and went out."], start=1):
        Chapter.objects.create(work=work, position=position, text=text)
    if not draft:
        services.post_work(work)
    work.refresh_from_db()
    return work
