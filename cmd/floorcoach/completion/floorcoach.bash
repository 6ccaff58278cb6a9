# bash completion for floorcoach.
# Load it with:  source <(floorcoach completion bash)
# or save it as /etc/bash_completion.d/floorcoach (or ~/.local/share/bash-completion/completions/floorcoach).
_floorcoach() {
    local cur=${COMP_WORDS[COMP_CWORD]} IFS=$'\n'
    # floorcoach itself says what may come next: commands, flags, session names.
    # A word being typed is passed on only when it is a flag, so flags are listed.
    local next flag=()
    [[ $cur == -* ]] && flag=("$cur")
    next=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD-1}" "${flag[@]}" --generate-bash-completion 2>/dev/null)
    COMPREPLY=($(compgen -W "$next" -- "$cur"))
}
complete -o default -o bashdefault -F _floorcoach floorcoach
