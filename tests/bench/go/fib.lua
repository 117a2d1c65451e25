-- A recursive Fibonacci: the same calls as fib.go (row go-cpu).
local n = 27
local function fib(n)
  if n < 2 then
    return n
  end
  return fib(n - 1) + fib(n - 2)
end
print(fib(n))
