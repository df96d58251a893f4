-- Headless Neovim (0.7+) as a second real LSP client: starts $LSP_CMD on the current buffer as filetype mlir, waits
-- for ttnn-l1 diagnostics, hovers and asks for code actions at the first line containing $HOVER_TEXT, and writes
-- {diagnostics, hover, code_actions, server_capabilities} as JSON to $LSP_OUT. Used by test/e2e/nvim.e2e.test.ts.
local out_path = assert(os.getenv('LSP_OUT'), 'LSP_OUT not set')
local cmd = vim.split(assert(os.getenv('LSP_CMD'), 'LSP_CMD not set'), ' ', { trimempty = true })
local hover_text = os.getenv('HOVER_TEXT') or ''
local wait_ms = tonumber(os.getenv('LSP_WAIT_MS') or '15000')

local result = { diagnostics = {}, hover = vim.NIL, code_actions = {}, server_capabilities = vim.NIL, error = vim.NIL }
local got_diagnostics = false

local function finish()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.bo.filetype = 'mlir'
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    cmd = cmd,
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        if params and #params.diagnostics > 0 then
          result.diagnostics = params.diagnostics
          got_diagnostics = true
        end
      end,
    },
  })
  assert(client_id, 'the server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  vim.wait(wait_ms, function() return got_diagnostics end, 20)
  result.server_capabilities = client.server_capabilities

  local uri = vim.uri_from_bufnr(bufnr)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = hover_text ~= '' and line:find(hover_text, 1, true) or nil
    if col then
      -- Inside the op name: one character past the opening quote (ASCII lines, so bytes equal UTF-16 units).
      local position = { line = lnum - 1, character = col }
      local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = position }, 30000, bufnr)
      result.hover = hover and hover.result or vim.NIL
      local at_line = vim.tbl_filter(function(d) return d.range.start.line == lnum - 1 end, result.diagnostics)
      local range = at_line[1] and at_line[1].range or { start = position, ['end'] = position }
      local actions = client.request_sync('textDocument/codeAction', {
        textDocument = { uri = uri },
        range = range,
        context = { diagnostics = at_line },
      }, 30000, bufnr)
      result.code_actions = actions and actions.result or {}
      break
    end
  end
end)
if not ok then result.error = tostring(err) end
finish()
