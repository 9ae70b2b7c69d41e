-- POST /token/refresh (or Identity's /refresh) with rotating refresh tokens. Refresh tokens are single use: the harness
-- pre-mints sessions (one refresh token a line in BENCH_TOKENS); thread i of n takes lines i, i+n, i+2n, ... Each request
-- takes a token from the thread's queue and each answer puts the new one back, so with more tokens than connections per
-- thread every request carries a token never used before. A failed answer loses its token; once the queue is empty the
-- request goes out with no token, fails, and is counted (the run is then reported as failed).
-- BENCH_FIELD names the body field: refresh_token (JwtAuthKit) or refreshToken (Identity).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local counter = 0
function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
end

local queue, head, tail = {}, 1, 0
local field

function init(args)
  field = os.getenv("BENCH_FIELD") or "refresh_token"
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local line = 0
  for token in io.lines(os.getenv("BENCH_TOKENS")) do
    if line % threads == index then
      tail = tail + 1
      queue[tail] = token
    end
    line = line + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local token = ""
  if head <= tail then
    token = queue[head]
    queue[head] = nil
    head = head + 1
  end
  return wrk.format(nil, nil, nil, '{"' .. field .. '":"' .. token .. '"}')
end

function response(status, headers, body)
  if status == 200 then
    local token = string.match(body, '"refresh_?[Tt]oken"%s*:%s*"([^"]+)"')
    if token then
      tail = tail + 1
      queue[tail] = token
    end
  end
end
