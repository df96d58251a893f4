-- Observes, without configuring anything itself, what the README's Neovim snippet (loaded as init.lua) gives on the
-- current buffer: the filetype, the attached clients, ttnn-l1 diagnostics and a hover at the first line containing
-- $HOVER_TEXT. Writes JSON to $LSP_OUT. Used by test/e2e/editors.e2e.test.ts.
local out_path = assert(os.getenv('LSP_OUT'), 'LSP_OUT not set')
local hover_text = os.getenv('HOVER_TEXT') or ''
local wait_ms = tonumber(os.getenv('LSP_WAIT_MS') or '20000')
local result = { filetype = vim.bo.filetype, clients = {}, diagnostics = {}, hover = vim.NIL, error = vim.NIL }

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.wait(wait_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  -- get_clients (0.10+) replaces buf_get_clients (deprecated since 0.10).
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do table.insert(result.clients, client.name) end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { line = d.lnum, severity = d.severity, message = d.message, source = d.source })
  end
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = hover_text ~= '' and line:find(hover_text, 1, true) or nil
    if col then
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = lnum - 1, character = col } }
      local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 30000) or {}
      for _, r in pairs(responses) do
        if r.result then result.hover = r.result end
      end
      break
    end
  end
end)
if not ok then result.error = tostring(err) end
local file = assert(io.open(out_path, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qa!')
