# zsh-complete.zsh SCRIPT LINE: types LINE into an interactive zsh that has the
# completion system and SCRIPT loaded, presses Tab, and prints each match
# the completion offers as <MATCH>word, one a line, then <END>.
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z 'PS1="> "; setopt no_beep'
zpty -w z 'autoload -Uz compinit && compinit -u -D'
zpty -w z 'zstyle ":completion:*" list-prompt ""; zstyle ":completion:*" menu no'
# Every match added is printed too; calls that only ask what would match
# (-O, -A, -D) are passed on untouched.
zpty -w z 'compadd() { if (( ${@[(I)-[OAD]*]} )); then builtin compadd "$@"; return; fi; local -a m; builtin compadd -O m "$@"; print -rl -- ${m/#/<MATCH>}; builtin compadd "$@"; }'
# Tab completes, then says it is done.
zpty -w z '_tab() { comppostfuncs=(_tab_done); zle complete-word; }; _tab_done() { print -r -- "<EN""D>"; }'
zpty -w z 'zle -N _tab; bindkey "^I" _tab'
zpty -w z "source ${(q)1}"
zpty -w z "print '<REA''DY>'"
local line
zpty -r z line '*<READY>*'
zpty -n -w z "$2"$'\t'
while zpty -r z line; do
    print -rn -- $line
    [[ $line == *'<END>'* ]] && break
done
zpty -d z
