/**
 * Lua helpers shared by the scripts that reason about stream ids: `less(a, b)` compares
 * two ids `ms-seq` exactly (the milliseconds as digit strings, never as Lua numbers, whose
 * formatting would lose digits) and `after(id)` is the smallest id greater than `id`.
 * @internal
 */
export const streamIdLua = `
local function split(id)
  local dash = string.find(id, '-', 1, true)
  return string.sub(id, 1, dash - 1), tonumber(string.sub(id, dash + 1))
end
local function less(a, b)
  local am, as = split(a)
  local bm, bs = split(b)
  if #am ~= #bm then return #am < #bm end
  if am ~= bm then return am < bm end
  return as < bs
end
local function after(id)
  local m, s = split(id)
  return m .. '-' .. string.format('%d', s + 1)
end
local function field(list, name)
  for i = 1, #list, 2 do
    if list[i] == name then return list[i + 1] end
  end
  return nil
end
`;
