# rosemu: --ros 7
# /log print in RouterOS 7: the same lines.
:log info "hello"
:log warning "careful"
/log print
/log print count-only
