"""Django's Redis cache backend, with one client per server and content-change messages.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` around the shared connection
pool on every cache call, which costs about 50 µs: more than a whole cached page takes to
serve. A `redis.Redis` is safe to share between threads, and its pool reconnects after a
fork, so one per server and process is enough.

The backend also carries Redis's publish/subscribe, which `ops.cache` uses to tell every
app server process of a content change the moment it is made (see `ops.cache.StateWatcher`).
`config/settings.py` puts this backend in place of Django's whenever `CACHE_URL` names Redis.
"""

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
        # Channels are shared by all of a server's databases: name the database in it.
        return f"{self._servers[0]} {self.make_key(name)}"

    def set_and_publish(self, key, value, channel, message):
        """Store value under key and publish message on channel, as one transaction, so that
        subscribers hear of changes in the order they were stored."""
        client = self._cache.get_client(key, write=True)
        with client.pipeline(transaction=True) as pipe:
            pipe.set(self.make_and_validate_key(key), self._cache._serializer.dumps(value))
            pipe.publish(self._channel(channel), message)
            pipe.execute()

    def subscribe(self, channel):
        """Return a `redis.client.PubSub` subscribed to channel (messages not yet read)."""
        pubsub = self._cache.get_client(write=True).pubsub()
        pubsub.subscribe(self._channel(channel))
        return pubsub
