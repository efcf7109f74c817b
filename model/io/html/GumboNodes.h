// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small read-only helpers over Gumbo's parse tree, shared by the web-page importer's parts.

#include <QString>
#include <gumbo.h>
#include <vector>

namespace Lede::GumboNodes {

inline QString attribute(const GumboNode *node, const char *name)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return {};
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

inline bool hasAttribute(const GumboNode *node, const char *name)
{
    return node->type == GUMBO_NODE_ELEMENT && gumbo_get_attribute(&node->v.element.attributes, name);
}

inline bool isElement(const GumboNode *node, GumboTag tag)
{
    return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

// All text below node (not scripts or styles), appended in document order. Iterative: pages can
// nest deeply.
inline void appendText(const GumboNode *root, QString *out)
{
    std::vector<const GumboNode *> stack { root };
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA
            || node->type == GUMBO_NODE_WHITESPACE) {
            *out += QString::fromUtf8(node->v.text.text);
            *out += QLatin1Char(' ');
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE)
            continue;
        const GumboVector &children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode *>(children.data[i]));
    }
}

// All text below node, whitespace runs collapsed to one space, trimmed.
inline QString textOf(const GumboNode *node)
{
    QString out;
    appendText(node, &out);
    return out.simplified();
}

// Raw text of a script or style element (its single text child).
inline QString rawText(const GumboNode *node)
{
    QString out;
    const GumboVector &children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto *child = static_cast<const GumboNode *>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA
            || child->type == GUMBO_NODE_WHITESPACE)
            out += QString::fromUtf8(child->v.text.text);
    }
    return out;
}

} // namespace Lede::GumboNodes
