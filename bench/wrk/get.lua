-- GET with the headers given on the command line (-H), e.g. a bearer token.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
