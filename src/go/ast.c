#include "ast.h"

static const char *const kind_names[N_KIND_COUNT] = {
#define GO_NODE_NAME(name) [name] = #name,
    GO_NODE_KINDS(GO_NODE_NAME)
#undef GO_NODE_NAME
};

const char *ast_kind_name(int kind)
{
    return kind >= 0 && kind < N_KIND_COUNT ? kind_names[kind] : "?";
}
