-- Mixed load for bench/load.sh: per thread a cycle of 10 requests — 7 public pages, the
-- complaint form (GET, keeps the session cookie and the CSRF token it carries) and one
-- complaint filed with that token (POST; the 303 to the status page is not followed).
-- A thread's connections share its session: the CSRF token lives in the session, not the connection.
local cycle = {"/ko/policy", "/en/policy", "/ko/notices", "/ko", "/en/contact", "/ko/notices", "/en/policy",
               "FORM", "POST", "/ko/policy"}
local counter = 0
local threadId = 0
local cookie = nil
local csrf = nil
local filed = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  threadId = id or 0
  step = 0
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  step = step % #cycle + 1
  local what = cycle[step]
  if (what == "POST" and csrf == nil) or what == "FORM" then
    local headers = {}
    if cookie then headers["Cookie"] = cookie end
    return wrk.format("GET", "/ko/complaints/new", headers)
  end
  if what == "POST" then
    filed = filed + 1
    local body = "_csrf=" .. urlencode(csrf) .. "&category=OTHER"
      .. "&description=" .. urlencode("Load test complaint " .. filed .. " from thread " .. threadId)
      .. "&name=" .. urlencode("Load Tester") .. "&email=" .. urlencode("load-" .. threadId .. "-" .. filed .. "@bench.example")
      .. "&phone=&language=ko&website="
    return wrk.format("POST", "/ko/complaints/new", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = cookie}, body)
  end
  return wrk.format("GET", what)
end

function response(status, headers, body)
  local set = headers["Set-Cookie"]
  if set then
    local session = set:match("(portal_session=[^;]+)")
    if session then cookie = session end
  end
  if body and body:find('name="_csrf"', 1, true) then
    local token = body:match('name="_csrf"%s+value="([^"]+)"') or body:match('value="([^"]+)"%s+name="_csrf"')
    if token then csrf = token end
  end
end
