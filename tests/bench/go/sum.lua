-- The sum of the integers below n: the same loop as sum.go (row go-cpu).
local n = 10000000
local sum = 0
for i = 0, n - 1 do
  sum = sum + i
end
print(sum)
