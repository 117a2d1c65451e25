-- A map-heavy word count: the same work as wordcount.go (row go-cpu).
local n = 1000000
local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
local counts = {}
for i = 0, n - 1 do
  local w = words[((i * 7 + i // 3) % #words) + 1]
  counts[w] = (counts[w] or 0) + 1
end
local total, keys = 0, 0
for _, c in pairs(counts) do
  total = total + c
  keys = keys + 1
end
print(keys, total, counts["alpha"])
