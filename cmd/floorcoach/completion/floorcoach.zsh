#compdef floorcoach
# zsh completion for floorcoach.
# Load it with:  source <(floorcoach completion zsh)
# or save it as _floorcoach in a folder of your $fpath.
_floorcoach() {
    local -a next flag
    # floorcoach itself says what may come next: commands, flags, session names.
    # A word being typed is passed on only when it is a flag, so flags are listed.
    [[ ${words[CURRENT]} == -* ]] && flag=(${words[CURRENT]})
    next=("${(@f)$(${words[1]} ${words[2,CURRENT-1]} $flag --generate-bash-completion 2>/dev/null)}")
    _describe -t values 'floorcoach' next
    _files
}
if [ "$funcstack[1]" = "_floorcoach" ]; then
    _floorcoach "$@"
else
    compdef _floorcoach floorcoach
fi
