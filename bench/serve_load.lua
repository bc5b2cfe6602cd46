-- wrk script for bench/run_serve: each request asks for one of the paths
-- of a file (one per line: search queries or article ids made into API
-- paths by run_serve), at random. wrk counts the answers that are not 2xx.
-- Usage: wrk … -s bench/serve_load.lua URL -- PATHS_FILE
local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

