// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

Q_LOGGING_CATEGORY(lcStore, "lede.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcImport, "lede.import", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAnalysis, "lede.analysis", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExport, "lede.export", QtWarningMsg)
