#compdef floorcoach
# zsh completion for floorcoach.
# Load it with:  source <(floorcoach completion zsh)     (in ~/.zshrc, after compinit)
# or save it as _floorcoach in a folder of your $fpath.
#
# floorcoach itself says what may come next ("floorcoach __complete WORDS"):
# commands, flags, each flag's values, session names; the first line of its
# answer says which files the shell should offer too.
_floorcoach() {
    local -a lines values
    local kind line value prefix
    lines=("${(@f)$(${words[1]} __complete "${(@Q)words[2,CURRENT]}" 2>/dev/null)}")
    kind=${lines[1]}
    if [[ ${words[CURRENT]} == --*=* ]]; then
        prefix=${words[CURRENT]%%=*}=
        compset -P '*='
    fi
    for line in "${(@)lines[2,-1]}"; do
        [[ -n $line ]] || continue
        value=${${line%%$'\t'*}#$prefix}
        if [[ $line == *$'\t'* ]]; then
            values+=("${value//:/\\:}:${line#*$'\t'}")
        else
            values+=("${value//:/\\:}")
        fi
    done
    (( $#values )) && _describe -V -t values 'floorcoach' values
    case $kind in
    files) _files ;;
    scripts) _files -g '*.(yaml|yml)' ;;
    folders) _files -/ ;;
    esac
    return 0
}
if [ "$funcstack[1]" = "_floorcoach" ]; then
    _floorcoach "$@"
else
    compdef _floorcoach floorcoach
fi
