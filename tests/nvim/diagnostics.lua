-- Neovim 0.7 as a second real client of `heal lsp`: starts the server with vim.lsp.start_client (0.8's vim.lsp.start is
-- absent in 0.7), opens the throwing file, waits for Heal's diagnostics on it and writes them as JSON, then quits.
-- Run: HEAL_DLL=... HEAL_STORE=... HEAL_ROOT=... HEAL_FILE=... HEAL_OUT=... nvim --headless -u NONE -c 'luafile diagnostics.lua'
-- Exits 0 with the JSON written, or 1 (with the reason on stderr) when nothing arrives within HEAL_TIMEOUT_MS.
local env = function(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    io.stderr:write('diagnostics.lua: ' .. name .. ' is not set\n')
    vim.cmd('cquit 1')
  end
  return value
end

local dll, store, root, file, out = env('HEAL_DLL'), env('HEAL_STORE'), env('HEAL_ROOT'), env('HEAL_FILE'), env('HEAL_OUT')
local timeout = tonumber(os.getenv('HEAL_TIMEOUT_MS') or '60000')

local done = false

local function fail(reason)
  if done then
    return
  end
  done = true
  io.stderr:write('diagnostics.lua: ' .. reason .. '\n')
  vim.cmd('cquit 1')
end

local function write_and_quit(result)
  if done then
    return
  end
  done = true
  local handle = io.open(out, 'w')
  if handle == nil then
    io.stderr:write('diagnostics.lua: cannot write ' .. out .. '\n')
    vim.cmd('cquit 1')
    return
  end
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

local target = vim.uri_from_fname(file)

-- The server publishes for every affected file, open or not; keep the first non-empty set for the file under test.
local handlers = {
  ['textDocument/publishDiagnostics'] = function(_, params, ctx, config)
    vim.lsp.diagnostic.on_publish_diagnostics(_, params, ctx, config)
    if params.uri == target and #params.diagnostics > 0 then
      vim.schedule(function()
        write_and_quit({ uri = params.uri, diagnostics = params.diagnostics, client = 'nvim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) })
      end)
    end
  end,
}

local client_id = vim.lsp.start_client({
  name = 'heal',
  cmd = { 'dotnet', dll, 'lsp' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
  init_options = { store = store },
  handlers = handlers,
  on_exit = function(code)
    vim.schedule(function() fail('heal lsp exited with ' .. tostring(code)) end)
  end,
})
if client_id == nil then
  fail('vim.lsp.start_client returned nil')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client_id)

vim.defer_fn(function()
  fail('no diagnostics for ' .. target .. ' within ' .. timeout .. ' ms')
end, timeout)
