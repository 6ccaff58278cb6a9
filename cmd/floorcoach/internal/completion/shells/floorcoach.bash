# bash completion for floorcoach.
# Load it with:  source <(floorcoach completion bash)     (in ~/.bashrc)
# or save it as ~/.local/share/bash-completion/completions/floorcoach.
#
# floorcoach itself says what may come next ("floorcoach __complete WORDS"):
# commands, flags, each flag's values, session names; the first line of its
# answer says which files the shell should offer too.
_floorcoach() {
    local IFS=$' \t\n' cur=${COMP_WORDS[COMP_CWORD]} word kind line prefix=
    local -a words=()
    local i
    # bash splits --level=full at the '='; floorcoach takes it whole.
    for ((i = 1; i <= COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if ((${#words[@]})) && [[ ${words[-1]} == --* && ($word == = || ${words[-1]} == --*=) ]]; then
            words[-1]+=$word
        else
            words+=("$word")
        fi
    done
    # What bash replaces is what follows the '='.
    [[ ${words[-1]} == --*=* && ${words[-1]} != "$cur" ]] && prefix=${words[-1]%%=*}= && cur=${words[-1]#*=}
    COMPREPLY=()
    {
        read -r kind
        while IFS= read -r line; do
            line=${line%%$'\t'*}
            line=${line#"$prefix"}
            [[ $line == *[[:space:]\'\"\\\$\`\;\&\|\<\>\(\)\*\?\[]* ]] && printf -v line %q "$line"
            COMPREPLY+=("$line")
        done
    } < <("${COMP_WORDS[0]}" __complete "${words[@]}" 2>/dev/null)
    case $kind in
    files) compopt -o filenames 2>/dev/null
        mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -f -- "$cur") ;;
    scripts) compopt -o filenames 2>/dev/null
        mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -d -- "$cur"
            compgen -f -X '!*.yaml' -- "$cur"; compgen -f -X '!*.yml' -- "$cur") ;;
    folders) compopt -o filenames 2>/dev/null
        mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -d -- "$cur") ;;
    esac
}
complete -F _floorcoach floorcoach
