-- Runs the README's Neovim snippet (HEAL_SNIPPET) as a user's init would, opens HEAL_FILE, waits until Heal's
-- diagnostics arrive on it and writes them as JSON to HEAL_OUT, then quits; exits 1 when none arrive in time.
local snippet, file, out = os.getenv('HEAL_SNIPPET'), os.getenv('HEAL_FILE'), os.getenv('HEAL_OUT')
local deadline = vim.loop.now() + tonumber(os.getenv('HEAL_TIMEOUT_MS') or '90000')

vim.cmd('filetype on')
dofile(snippet)
vim.cmd('edit ' .. vim.fn.fnameescape(file))

local function poll()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.source == 'heal' then
      table.insert(found, { lnum = d.lnum, severity = d.severity, message = d.message, code = d.code })
    end
  end
  if #found > 0 then
    local handle = assert(io.open(out, 'w'))
    handle:write(vim.fn.json_encode({ filetype = vim.bo.filetype, diagnostics = found }))
    handle:close()
    vim.cmd('qall!')
  elseif vim.loop.now() > deadline then
    io.stderr:write('no diagnostics from heal on ' .. file .. ' (filetype ' .. vim.bo.filetype .. ')\n')
    vim.cmd('cquit 1')
  else
    vim.defer_fn(poll, 250)
  end
end
poll()
