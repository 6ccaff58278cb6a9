# fish completion for floorcoach.
# Save it as ~/.config/fish/completions/floorcoach.fish:
#   floorcoach completion fish > ~/.config/fish/completions/floorcoach.fish
#
# floorcoach itself says what may come next ("floorcoach __complete WORDS"):
# commands, flags, each flag's values, session names; the first line of its
# answer says which files the shell should offer too.
function __floorcoach_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l out (command $words[1] __complete $words[2..-1] $cur 2>/dev/null)
    or return
    printf '%s\n' $out[2..-1]
    switch "$out[1]"
        case files
            __fish_complete_path $cur
        case scripts
            __fish_complete_directories $cur ''
            set -l scripts $cur*.yaml $cur*.yml
            printf '%s\n' $scripts
        case folders
            __fish_complete_directories $cur
    end
end
complete -c floorcoach -f -a '(__floorcoach_complete)'
