-- Headless Neovim 0.7 (Debian's `neovim`): start the language server as any LSP editor
-- would (`node dist/server.cjs --stdio`), open a report, and check the diagnostics and the
-- document symbols it answers. Exits 0 when every check passes, 1 otherwise.
-- Run: nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/lsp_test.lua' (see run.sh).
local root = vim.fn.getcwd()
local report = root .. '/examples/draft-with-errors.report.md'
local failures = 0
local checks = 0

local function check(ok, what)
  checks = checks + 1
  if ok then
    io.stdout:write('ok   ' .. what .. '\n')
  else
    failures = failures + 1
    io.stdout:write('FAIL ' .. what .. '\n')
  end
end

local published = nil
local client_id = vim.lsp.start_client({
  name = 'inspection-report',
  cmd = { 'node', root .. '/dist/server.cjs', '--stdio' },
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      -- Servers may publish an empty list first: keep the one that has diagnostics.
      if result and #result.diagnostics > 0 then published = result end
    end,
  },
})
check(client_id ~= nil, 'the server starts')

vim.cmd('edit ' .. vim.fn.fnameescape(report))
vim.bo.filetype = 'markdown'
vim.lsp.buf_attach_client(0, client_id)

local got = vim.wait(10000, function() return published ~= nil end, 20)
check(got, 'diagnostics are published for the report')

if published then
  local codes = {}
  for _, d in ipairs(published.diagnostics) do codes[d.code] = (codes[d.code] or 0) + 1 end
  for _, code in ipairs({ 'numbering/gap', 'numbering/duplicate', 'numbering/order', 'numbering/legacy-bullet',
    'numbering/unnumbered', 'numbering/stray', 'reference/broken' }) do
    check(codes[code] ~= nil, 'diagnostic ' .. code)
  end
  -- The gap is reported on the paragraph whose number skips (0-based line of "19. Assessments").
  local gap_line = nil
  for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    if line:match('^19%. Assessments') then gap_line = i - 1 end
  end
  local on_line = false
  for _, d in ipairs(published.diagnostics) do
    if d.code == 'numbering/gap' and d.range.start.line == gap_line then on_line = true end
  end
  check(on_line, 'numbering/gap sits on the line of paragraph 19')
end

local client = vim.lsp.get_client_by_id(client_id)
local response = client and client.request_sync('textDocument/documentSymbol',
  { textDocument = vim.lsp.util.make_text_document_params() }, 10000, 0)
local symbols = response and response.result or {}
check(#symbols > 0, 'document symbols are answered')
local names = {}
local function walk(list, depth)
  for _, s in ipairs(list) do
    names[#names + 1] = s.name
    if s.children then walk(s.children, depth + 1) end
  end
end
walk(symbols, 0)
local joined = table.concat(names, '\n')
check(symbols[1] and symbols[1].name == 'Northborough Council', 'the title is the first symbol')
check(joined:find('Section 1: the local authority', 1, true) ~= nil, 'sections are symbols')
check(joined:find('\n19. Assessments are increasingly timely', 1, true) ~= nil, 'numbered paragraphs are symbols')

local actions = client and client.request_sync('textDocument/codeAction', {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
  context = { diagnostics = {}, only = { 'source.fixAll' } },
}, 10000, 0)
check(actions and actions.result and #actions.result == 1, 'source.fixAll is offered')

-- Editor features beyond the basics: workspace symbols, folding, Enter continuing the numbering.
local ws = client and client.request_sync('workspace/symbol', { query = '#27' }, 10000, 0)
local ws_names = {}
for _, s in ipairs(ws and ws.result or {}) do ws_names[#ws_names + 1] = s.name end
check(#ws_names == 1 and ws_names[1]:find('^27%. Reviews of looked after children') ~= nil, 'workspace symbol #27 finds paragraph 27')

local folds = client and client.request_sync('textDocument/foldingRange',
  { textDocument = vim.lsp.util.make_text_document_params() }, 10000, 0)
local front_matter = false
for _, f in ipairs(folds and folds.result or {}) do
  if f.startLine == 0 and f.kind == 'imports' then front_matter = true end
end
check(front_matter and #folds.result > 5, 'folding ranges: front matter and sections')

-- Type Enter at the end of paragraph 2 of a fresh report: the server answers "3. ".
local scratch = vim.fn.tempname() .. '.report.md'
vim.fn.writefile({ '# R', '', '1. a', '2. b', '' }, scratch)
vim.cmd('edit ' .. vim.fn.fnameescape(scratch))
vim.lsp.buf_attach_client(0, client_id)
local typed = client.request_sync('textDocument/onTypeFormatting', {
  textDocument = vim.lsp.util.make_text_document_params(),
  position = { line = 4, character = 0 }, ch = '\n', options = { tabSize = 4, insertSpaces = true },
}, 10000, 0)
local edits = typed and typed.result or {}
check(#edits == 1 and edits[1].newText == '3. ' and edits[1].range.start.line == 4, 'Enter after paragraph 2 inserts "3. "')
vim.fn.delete(scratch)

io.stdout:write(string.format('%d passed, %d failed\n', checks - failures, failures))
client.stop()
if failures > 0 then vim.cmd('cquit! 1') else vim.cmd('qall!') end
