package io.huracan.adapter.redis;

/**
 * The Lua scripts behind the operations that must be atomic on the server. Entries have one field, {@code p}, the
 * payload; dead letters have {@code id} (the original id), {@code d} (deliveries) and {@code p}.
 */
final class RedisScripts {
    private RedisScripts() {
    }

    private static final String COMPARE_IDS = """
            local function cmp(a, b)
              local am, as = string.match(a, '(%d+)-(%d+)')
              local bm, bs = string.match(b, '(%d+)-(%d+)')
              am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
              if am ~= bm then return am < bm and -1 or 1 end
              if as ~= bs then return as < bs and -1 or 1 end
              return 0
            end
            """;

    /**
     * KEYS[1] stream; ARGV[1] max length; ARGV[2] the messages packed in one string (per message a 2-byte id length,
     * the id, a 4-byte payload length, the payload; big-endian), so a batch costs the client one argument, not two per
     * message. Appends each payload under the id the bus gave it (atomically, so a batch is never interleaved with
     * another publisher), then trims once, approximately ({@code XTRIM MAXLEN ~}: a trim per XADD would cost the
     * server a check per message for a whole node freed now and then). An id Redis refuses (not above the stream's
     * last id) is either this very message written by an earlier attempt whose reply was lost (same id and payload:
     * skipped, so a retry never duplicates) or a later id another process wrote first: then Redis picks the id.
     * Returns {reassigned count, last id}.
     */
    static final String PUBLISH = """
            local key, maxlen, packed = KEYS[1], ARGV[1], ARGV[2]
            local reassigned, last, pos = 0, nil, 1
            while pos <= #packed do
              local id, payload
              id, payload, pos = struct.unpack('>Hc0Ic0', packed, pos)
              local added = redis.pcall('XADD', key, id, 'p', payload)
              if type(added) == 'table' and added.err then
                local existing = redis.call('XRANGE', key, id, id)
                if #existing == 1 and existing[1][2][2] == payload then
                  added = id
                else
                  added = redis.call('XADD', key, '*', 'p', payload)
                  reassigned = reassigned + 1
                end
              end
              last = added
            end
            redis.call('XTRIM', key, 'MAXLEN', '~', maxlen)
            return {reassigned, last}
            """;

    /**
     * KEYS[1] stream, KEYS[2] the group's dead-letter stream, KEYS[3] the stream's dead-letter counts (a hash by
     * group); ARGV group, consumer, min idle ms, max count, max deliveries, dead-letter max length, owner ('' for
     * any). The XAUTOCLAIM step done as XPENDING IDLE + XCLAIM, because a message must be checked against the
     * delivery limit before it is delivered again: those at the limit go to the dead letters (XADD, XACK) instead.
     * Returns id, deliveries, payload triples, oldest first.
     */
    static final String REDELIVER = """
            local stream, dead, counts = KEYS[1], KEYS[2], KEYS[3]
            local group, consumer, minIdle = ARGV[1], ARGV[2], tonumber(ARGV[3])
            local want, maxDeliveries, deadMax, owner = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], ARGV[7]
            local result, claimed, start = {}, 0, '-'
            while claimed < want do
              local page
              if owner == '' then
                page = redis.call('XPENDING', stream, group, 'IDLE', minIdle, start, '+', want - claimed)
              else
                page = redis.call('XPENDING', stream, group, 'IDLE', minIdle, start, '+', want - claimed, owner)
              end
              if #page == 0 then break end
              local ids, deliveries = {}, {}
              for _, pending in ipairs(page) do
                local id, count = pending[1], pending[4]
                if count >= maxDeliveries then
                  local entry = redis.call('XRANGE', stream, id, id)
                  if #entry == 1 then
                    redis.call('XADD', dead, 'MAXLEN', '~', deadMax, '*', 'id', id, 'd', count, 'p', entry[1][2][2])
                    redis.call('HINCRBY', counts, group, 1)
                  end
                  redis.call('XACK', stream, group, id)
                else
                  ids[#ids + 1] = id
                  deliveries[id] = count
                end
                start = '(' .. id
              end
              if #ids > 0 then
                local entries = redis.call('XCLAIM', stream, group, consumer, minIdle, unpack(ids))
                for _, entry in ipairs(entries) do
                  if entry then
                    result[#result + 1] = entry[1]
                    result[#result + 1] = deliveries[entry[1]] + 1
                    result[#result + 1] = entry[2][2]
                    claimed = claimed + 1
                  end
                end
              end
            end
            return result
            """;

    /** KEYS[1] stream. Returns {length, first id, last id, entries ever added}. */
    static final String STREAM_STATS = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return {0, '0-0', '0-0', 0} end
            local info = redis.call('XINFO', 'STREAM', KEYS[1])
            local length, first, last, added = 0, '0-0', '0-0', nil
            for i = 1, #info, 2 do
              local k, v = info[i], info[i + 1]
              if k == 'length' then length = v
              elseif k == 'last-generated-id' then last = v
              elseif k == 'entries-added' then added = v
              elseif k == 'first-entry' and v then first = v[1] end
            end
            return {length, first, last, added or length}
            """;

    /**
     * KEYS[1] stream, KEYS[2] dead-letter counts; ARGV[1] group. Returns {lag, pending, dead-lettered, last
     * delivered id, consumer, count, consumer, count...}, or a NOGROUP error. Lag counts kept messages only: Redis's
     * own lag also counts what was trimmed before delivery, so it is capped at the stream's length, and is 0 once
     * the group delivered the newest message.
     */
    static final String GROUP_STATS = COMPARE_IDS + """
            local stream, group = KEYS[1], ARGV[1]
            if redis.call('EXISTS', stream) == 0 then
              return redis.error_reply('NOGROUP no such key or consumer group')
            end
            for _, g in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
              local fields = {}
              for i = 1, #g, 2 do fields[g[i]] = g[i + 1] end
              if fields['name'] == group then
                local length = redis.call('XLEN', stream)
                local delivered = fields['last-delivered-id']
                local lag = fields['lag']
                local newest = redis.call('XREVRANGE', stream, '+', '-', 'COUNT', 1)
                local oldest = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)
                if length == 0 or cmp(delivered, newest[1][1]) >= 0 then
                  lag = 0
                elseif cmp(delivered, oldest[1][1]) < 0 then
                  lag = length
                elseif not lag then
                  lag = #redis.call('XRANGE', stream, '(' .. delivered, '+')
                end
                if lag > length then lag = length end
                local dead = redis.call('HGET', KEYS[2], group)
                local result = {lag, fields['pending'], tonumber(dead or '0'), delivered}
                local summary = redis.call('XPENDING', stream, group)
                if summary[4] then
                  for _, c in ipairs(summary[4]) do
                    result[#result + 1] = c[1]
                    result[#result + 1] = tonumber(c[2])
                  end
                end
                return result
              end
            end
            return redis.error_reply('NOGROUP no such key or consumer group')
            """;

    /** KEYS[1] dead-letter stream; ARGV[1] max count. Returns id, deliveries, payload triples, oldest first. */
    static final String DEAD_LETTERS = """
            local result = {}
            for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', ARGV[1])) do
              local fields = {}
              for i = 1, #entry[2], 2 do fields[entry[2][i]] = entry[2][i + 1] end
              result[#result + 1] = fields['id']
              result[#result + 1] = tonumber(fields['d'])
              result[#result + 1] = fields['p']
            end
            return result
            """;
}
