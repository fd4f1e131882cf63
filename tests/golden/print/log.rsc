# rosemu: --ros 6
# /log print: "time topics message" from :log, as the logging rules send
# them to memory (info, warning and error by default; debug not); today's
# entries show the time only.
:log info "script started"
:log debug "not logged by default"
:log warning "low disk"
:log error "gateway down"
/log print
/log print where topics~"warning"
:put [:len [/log find]]
/system logging add topics=debug action=memory
:log debug "now logged"
/system logging disable 0
:log info "info rule disabled"
/log print
