"""Django's Redis cache backend, with one client per server and content-change messages.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` around the shared connection
pool on every cache call, which costs about 50 µs: more than a whole cached page takes to
serve. A `redis.Redis` is safe to share between threads, and its pool reconnects after a
fork, so one per server and process is enough.

The backend also stores content states in order and carries Redis's publish/subscribe, which
`ops.cache` uses to tell every app server process of a content change the moment it is made
(see `ops.cache.StateWatcher`).
`config/settings.py` puts this backend in place of Django's whenever `CACHE_URL` names Redis.
"""

from urllib.parse import urlsplit

from django.core.cache.backends import redis
from django.utils.functional import cached_property


class ReusedClientRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    @cached_property
    def _cache(self):
        return ReusedClientRedisCacheClient(self._servers, **self._options)

    def _channel(self, name):
        # Channels are shared by all of a server's databases: name the database in it, but
        # not the password a URL may carry (PUBSUB CHANNELS shows channel names to anyone).
        location = urlsplit(self._servers[0])
        return f"{location.hostname}:{location.port}{location.path} {self.make_key(name)}"

    def store_in_order(self, key, value, *, order_key, order, channel, message):
        """Store value under key and publish message on channel if order is above the one
        last stored under order_key, all in one step: what is stored and what subscribers
        hear then only ever move forward, in the same order. Return whether it was stored."""
        client = self._cache.get_client(key, write=True)
        stored = client.eval(
            STORE_IN_ORDER,
            2,
            self.make_and_validate_key(key),
            self.make_and_validate_key(order_key),
            self._cache._serializer.dumps(value),
            order,
            self._channel(channel),
            message,
        )
        return bool(stored)

    def subscribe(self, channel):
        """Return a `redis.client.PubSub` subscribed to channel (messages not yet read)."""
        pubsub = self._cache.get_client(write=True).pubsub()
        pubsub.subscribe(self._channel(channel))
        return pubsub


STORE_IN_ORDER = """
local last = tonumber(redis.call('GET', KEYS[2]) or '-1')
if tonumber(ARGV[2]) <= last then
    return 0
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
"""
