-- POST of a fixed JSON body, read from the file named in BENCH_BODY (e.g. a sign-in's email and password).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local f = assert(io.open(os.getenv("BENCH_BODY"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
