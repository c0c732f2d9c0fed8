"""django-redis, answering as an empty cache while Redis is out of reach.

django-redis's IGNORE_EXCEPTIONS makes every call answer None instead of raising. For add()
that reads as "someone else holds this key", and allauth, which takes its rate-limit lock
with add(), then refuses every log-in with a 429 until Redis returns (tests/edge/
test_redis_down.py). Here a failed add() answers True: the lock is taken, the limit is not
counted, and readers and columnists log in.
"""

from django_redis.cache import RedisCache


class RedisCacheThatForgets(RedisCache):
    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added
