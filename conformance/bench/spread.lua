-- spread.lua: wrk script for scenario c, spreading requests over the 100 interactions /items/0 .. /items/99.
local i = 0
request = function()
  local path = "/items/" .. (i % 100)
  i = i + 1
  return wrk.format("GET", path)
end
